"use client";

import { useEffect, useReducer } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { AlertCircle } from "lucide-react";
import { fetchJson } from "@/components/ui/fetch-json";
import { useServerAction } from "@/components/ui/use-server-action";
import { MappingStep } from "@/components/import/mapping-step";
import { PreviewStep } from "@/components/import/preview-step";
import { ProgressStep } from "@/components/import/progress-step";
import { ResultStep } from "@/components/import/result-step";
import { UploadStep } from "@/components/import/upload-step";
import {
  canStart,
  importWizardReducer,
  initialImportWizardState,
  isJobActive,
  isLocked,
  mappingError,
} from "@/components/import/import-wizard-state";
import { previewImportAction, startImportAction } from "@/lib/import/actions";
import type { StagedImport } from "@/lib/import/mutations";
import type { ImportJobView } from "@/lib/import/queries";
import { routes } from "@/lib/routes";

type Props = { workspaceSlug: string; trackerId: string; trackerPath: string; sections: string[] };

const POLL_MS = 700;

/**
 * CSV/JSON import: upload (route handler) → map columns → preview (server action) → run (server action
 * queues a background job) → progress (polled from a route handler, which any instance can answer) →
 * result. State transitions live in import-wizard-state.ts; each step is its own component.
 */
export function ImportWizard({ workspaceSlug, trackerId, trackerPath, sections }: Props) {
  const t = useTranslations("importClient");
  const [state, dispatch] = useReducer(importWizardReducer, sections, (s) =>
    initialImportWizardState(s, t("defaultSection")),
  );
  const preview = useServerAction(previewImportAction, { notify: false });
  const start = useServerAction(startImportAction, { notify: false });
  const router = useRouter();
  const ref = { workspaceSlug, trackerId };
  const job = state.job;

  // Follow the running import until it ends.
  useEffect(() => {
    if (!job || !isJobActive(job)) return;
    let isCancelled = false;
    const timer = setTimeout(async () => {
      const result = await fetchJson<ImportJobView>(
        routes.api.importJob(workspaceSlug, job.id),
        { method: "GET" },
        t("errors.lostTrack"),
      );
      if (isCancelled) return;
      if (result.ok) {
        dispatch({ type: "jobUpdated", job: result.data });
        // The tracker's pages changed: drop their cached copies.
        if (result.data.state === "done") router.refresh();
      } else if (result.status === 0) {
        // A dropped connection: try again on the next tick.
        dispatch({ type: "jobUpdated", job: { ...job } });
      } else {
        dispatch({ type: "failed", error: result.error });
      }
    }, POLL_MS);
    return () => {
      isCancelled = true;
      clearTimeout(timer);
    };
  }, [job, workspaceSlug, router, t]);

  const upload = async (file: File) => {
    dispatch({ type: "uploadStarted" });
    const result = await fetchJson<StagedImport>(
      routes.api.importUpload(workspaceSlug, trackerId, file.name),
      { method: "POST", body: file, headers: { "Content-Type": file.type || "application/octet-stream" } },
      t("errors.readFile"),
    );
    dispatch(result.ok ? { type: "uploaded", staged: result.data } : { type: "failed", error: result.error });
  };

  const check = async () => {
    if (!state.staged || mappingError(state.mapping)) return;
    dispatch({ type: "previewStarted" });
    const result = await preview.run({
      ...ref,
      uploadId: state.staged.uploadId,
      mapping: JSON.stringify(state.mapping),
    });
    dispatch(
      result.ok
        ? { type: "previewed", preview: result.data }
        : { type: "failed", error: result.formError ?? t("errors.check") },
    );
  };

  const run = async () => {
    if (!state.staged || !canStart(state)) return;
    dispatch({ type: "startRequested" });
    const result = await start.run({
      ...ref,
      uploadId: state.staged.uploadId,
      mapping: JSON.stringify(state.mapping),
      isStrict: String(state.isStrict),
      defaultSection: state.defaultSection,
    });
    dispatch(
      result.ok
        ? { type: "jobStarted", jobId: result.data.jobId }
        : { type: "failed", error: result.formError ?? t("errors.start") },
    );
  };

  return (
    <div className="mt-6 space-y-6">
      {state.error ? (
        <div
          role="alert"
          className="flex items-start gap-2 rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200"
        >
          <AlertCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
          <p data-testid="import-error">{state.error}</p>
        </div>
      ) : null}

      <UploadStep
        staged={state.staged}
        isLocked={isLocked(state)}
        isPending={state.pending === "upload"}
        onUpload={(file) => void upload(file)}
        onMissingFile={() => dispatch({ type: "failed", error: t("errors.missingFile") })}
      />

      {state.staged ? (
        <MappingStep
          staged={state.staged}
          mapping={state.mapping}
          mappingError={mappingError(state.mapping)}
          defaultSection={state.defaultSection}
          sections={sections}
          isLocked={isLocked(state)}
          isPending={state.pending === "preview"}
          onTarget={(header, target) => dispatch({ type: "mappingChanged", header, target })}
          onDefaultSection={(value) => dispatch({ type: "defaultSectionChanged", value })}
          onCheck={() => void check()}
        />
      ) : null}

      {state.preview && state.staged ? (
        <PreviewStep
          preview={state.preview}
          defaultSection={state.defaultSection}
          isStrict={state.isStrict}
          isLocked={isLocked(state)}
          canStart={canStart(state)}
          isPending={state.pending === "start"}
          onStrict={(isStrict) => dispatch({ type: "strictChanged", isStrict })}
          onStart={() => void run()}
        />
      ) : null}

      {job ? (
        isJobActive(job) ? (
          <ProgressStep job={job} />
        ) : (
          <ResultStep job={job} trackerPath={trackerPath} />
        )
      ) : null}
    </div>
  );
}
