import type { StagedImport } from "@/lib/import/mutations";
import type { ShownImportPreview as ImportPreview } from "@/lib/import/messages";
import type { ImportJobView } from "@/lib/import/queries";
import { ColumnMappingSchema, type ColumnMapping, type ColumnTarget } from "@/lib/import/rows";

/**
 * The import wizard's state, as a pure reducer: upload → map columns → preview → run (progress) → result.
 * The component (import-wizard.tsx) does the talking to the server and dispatches what came back.
 */

export type ImportStep = "upload" | "map" | "preview" | "progress" | "result";

export type ImportWizardState = {
  staged: StagedImport | null;
  mapping: ColumnMapping;
  preview: ImportPreview | null;
  isStrict: boolean;
  defaultSection: string;
  job: ImportJobView | null;
  error: string | null;
  /** What the wizard is waiting for, if anything (drives the buttons' pending states). */
  pending: "upload" | "preview" | "start" | null;
};

export type ImportWizardAction =
  | { type: "uploadStarted" }
  | { type: "uploaded"; staged: StagedImport }
  | { type: "mappingChanged"; header: string; target: ColumnTarget }
  | { type: "defaultSectionChanged"; value: string }
  | { type: "strictChanged"; isStrict: boolean }
  | { type: "previewStarted" }
  | { type: "previewed"; preview: ImportPreview }
  | { type: "startRequested" }
  | { type: "jobStarted"; jobId: string }
  | { type: "jobUpdated"; job: ImportJobView }
  | { type: "failed"; error: string };

/** `fallbackSection`: the section for rows without one when the tracker has none (in the reader's language). */
export function initialImportWizardState(
  sections: string[],
  fallbackSection = "Imported",
): ImportWizardState {
  return {
    staged: null,
    mapping: {},
    preview: null,
    isStrict: false,
    defaultSection: sections[0] ?? fallbackSection,
    job: null,
    error: null,
    pending: null,
  };
}

/** Once an import has started, the file, mapping and options can no longer change. */
export const isLocked = (state: ImportWizardState) => state.job !== null;

export const isJobActive = (job: ImportJobView | null) =>
  job !== null && (job.state === "queued" || job.state === "running");

/** The furthest step the wizard has reached (earlier steps stay on screen above it). */
export function currentStep(state: ImportWizardState): ImportStep {
  if (state.job) return isJobActive(state.job) ? "progress" : "result";
  if (state.preview) return "preview";
  if (state.staged) return "map";
  return "upload";
}

/** Why the mapping cannot be checked yet (e.g. no text column), as a "validation.*" key, or null. */
export function mappingError(mapping: ColumnMapping): string | null {
  const parsed = ColumnMappingSchema.safeParse(mapping);
  return parsed.success
    ? null
    : (parsed.error.issues[0]?.message ?? "importClient.validation.importCheckMapping");
}

/** Whether the import button may be pressed. */
export function canStart(state: ImportWizardState): boolean {
  const preview = state.preview;
  return (
    preview !== null &&
    !isLocked(state) &&
    state.pending === null &&
    preview.validCount > 0 &&
    !(state.isStrict && preview.rejectedCount > 0)
  );
}

export function importWizardReducer(state: ImportWizardState, action: ImportWizardAction): ImportWizardState {
  switch (action.type) {
    case "uploadStarted":
      return isLocked(state) ? state : { ...state, pending: "upload", error: null };
    case "uploaded":
      return {
        ...state,
        staged: action.staged,
        mapping: action.staged.mapping,
        preview: null,
        job: null,
        error: null,
        pending: null,
      };
    case "mappingChanged":
      if (isLocked(state)) return state;
      // A new mapping makes the preview stale: check the rows again.
      return { ...state, mapping: { ...state.mapping, [action.header]: action.target }, preview: null };
    case "defaultSectionChanged":
      return isLocked(state) ? state : { ...state, defaultSection: action.value };
    case "strictChanged":
      return isLocked(state) ? state : { ...state, isStrict: action.isStrict };
    case "previewStarted":
      if (!state.staged || isLocked(state) || mappingError(state.mapping)) return state;
      return { ...state, pending: "preview", error: null };
    case "previewed":
      return { ...state, preview: action.preview, pending: null, error: null };
    case "startRequested":
      return canStart(state) ? { ...state, pending: "start", error: null } : state;
    case "jobStarted":
      return {
        ...state,
        pending: null,
        error: null,
        job: {
          id: action.jobId,
          state: "queued",
          phase: "", // shown as "Starting" until the server reports its phase
          processed: 0,
          total: state.staged?.rowCount ?? 0,
          attempts: 0,
        },
      };
    case "jobUpdated":
      // Late answers about another job (or a finished one) are ignored.
      if (!state.job || state.job.id !== action.job.id || !isJobActive(state.job)) return state;
      return { ...state, job: action.job };
    case "failed":
      return { ...state, error: action.error, pending: null };
  }
}
