import { describe, expect, it } from "vitest";
import {
  canStart,
  currentStep,
  importWizardReducer as reduce,
  initialImportWizardState,
  isLocked,
  mappingError,
  type ImportWizardState,
} from "@/components/import/import-wizard-state";
import type { StagedImport } from "@/lib/import/mutations";
import type { ShownImportPreview as ImportPreview } from "@/lib/import/messages";
import type { ImportJobView } from "@/lib/import/queries";

const staged: StagedImport = {
  uploadId: "cupload",
  fileName: "rows.csv",
  kind: "csv",
  headers: ["Title", "Text"],
  mapping: { Title: "title", Text: "text" },
  rowCount: 3,
  sample: [{ Title: "A", Text: "B" }],
};

const preview = (over: Partial<ImportPreview> = {}): ImportPreview => ({
  total: 3,
  validCount: 2,
  rejectedCount: 1,
  rows: [],
  rejected: [{ rowNumber: 3, label: "x", errors: ["The text is missing."] }],
  ...over,
});

const job = (over: Partial<ImportJobView> = {}): ImportJobView => ({
  id: "cjob",
  state: "running",
  phase: "Creating recommendations",
  processed: 1,
  total: 3,
  attempts: 1,
  ...over,
});

function run(...actions: Parameters<typeof reduce>[1][]): ImportWizardState {
  return actions.reduce(reduce, initialImportWizardState(["General"]));
}

describe("import wizard state", () => {
  it("starts at the upload step with the tracker's first section as the default", () => {
    const state = initialImportWizardState(["General", "Other"]);
    expect(currentStep(state)).toBe("upload");
    expect(state.defaultSection).toBe("General");
    expect(initialImportWizardState([]).defaultSection).toBe("Imported");
  });

  it("walks upload → map → preview → progress → result", () => {
    let state = run({ type: "uploadStarted" });
    expect(state.pending).toBe("upload");
    state = reduce(state, { type: "uploaded", staged });
    expect(currentStep(state)).toBe("map");
    expect(state.mapping).toEqual(staged.mapping);
    expect(state.pending).toBeNull();
    state = reduce(state, { type: "previewStarted" });
    expect(state.pending).toBe("preview");
    state = reduce(state, { type: "previewed", preview: preview() });
    expect(currentStep(state)).toBe("preview");
    expect(canStart(state)).toBe(true);
    state = reduce(state, { type: "startRequested" });
    expect(state.pending).toBe("start");
    state = reduce(state, { type: "jobStarted", jobId: "cjob" });
    expect(currentStep(state)).toBe("progress");
    expect(state.job).toMatchObject({ id: "cjob", state: "queued", total: 3 });
    expect(isLocked(state)).toBe(true);
    state = reduce(state, { type: "jobUpdated", job: job() });
    expect(state.job?.processed).toBe(1);
    state = reduce(state, { type: "jobUpdated", job: job({ state: "done", processed: 3 }) });
    expect(currentStep(state)).toBe("result");
    // A late progress answer does not move a finished job back.
    state = reduce(state, { type: "jobUpdated", job: job({ state: "running", processed: 2 }) });
    expect(state.job?.state).toBe("done");
  });

  it("a changed mapping discards the preview; an invalid mapping cannot be checked", () => {
    let state = run({ type: "uploaded", staged }, { type: "previewed", preview: preview() });
    state = reduce(state, { type: "mappingChanged", header: "Title", target: "attribute" });
    expect(state.preview).toBeNull();
    expect(state.mapping.Title).toBe("attribute");
    state = reduce(state, { type: "mappingChanged", header: "Text", target: "ignore" });
    expect(mappingError(state.mapping)).toBeTruthy();
    expect(reduce(state, { type: "previewStarted" }).pending).toBeNull();
  });

  it("strict mode with rejected rows, or no valid row, cannot start", () => {
    let state = run({ type: "uploaded", staged }, { type: "previewed", preview: preview() });
    state = reduce(state, { type: "strictChanged", isStrict: true });
    expect(canStart(state)).toBe(false);
    expect(reduce(state, { type: "startRequested" }).pending).toBeNull();
    state = reduce(state, { type: "previewed", preview: preview({ validCount: 0 }) });
    state = reduce(state, { type: "strictChanged", isStrict: false });
    expect(canStart(state)).toBe(false);
  });

  it("locks the file, mapping and options once the import has started", () => {
    let state = run(
      { type: "uploaded", staged },
      { type: "previewed", preview: preview() },
      { type: "jobStarted", jobId: "cjob" },
    );
    const locked = state;
    state = reduce(state, { type: "mappingChanged", header: "Title", target: "ignore" });
    state = reduce(state, { type: "strictChanged", isStrict: true });
    state = reduce(state, { type: "defaultSectionChanged", value: "Else" });
    state = reduce(state, { type: "uploadStarted" });
    expect(state).toBe(locked);
  });

  it("shows an error and clears the pending state; the next step clears the error", () => {
    let state = run({ type: "uploadStarted" }, { type: "failed", error: "This file is empty." });
    expect(state).toMatchObject({ error: "This file is empty.", pending: null });
    state = reduce(state, { type: "uploadStarted" });
    expect(state.error).toBeNull();
  });
});
