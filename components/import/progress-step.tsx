import { useTranslations } from "next-intl";
import type { ImportJobView } from "@/lib/import/queries";

/** Step 4 while the import runs: its phase and a progress bar, read from the job's row on the server. */
export function ProgressStep({ job }: { job: ImportJobView }) {
  const t = useTranslations("importClient.progress");
  const share = job.total > 0 ? Math.min(1, job.processed / job.total) : 0;
  return (
    <section aria-labelledby="step-import" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200">
      <h2 id="step-import" className="font-semibold">
        {t("heading")}
      </h2>
      <div className="mt-3" aria-live="polite">
        <p className="text-sm text-zinc-700">
          {t("status", { phase: job.phase || t("starting"), processed: job.processed, total: job.total })}
        </p>
        <div
          role="progressbar"
          aria-label={t("label")}
          aria-valuemin={0}
          aria-valuemax={job.total}
          aria-valuenow={job.processed}
          className="mt-2 h-2 w-full overflow-hidden rounded-full bg-zinc-100"
        >
          <div className="h-full bg-indigo-500 transition-[width]" style={{ width: `${share * 100}%` }} />
        </div>
        <p className="mt-2 text-xs text-zinc-500">{job.attempts > 1 ? t("noteResumed") : t("note")}</p>
      </div>
    </section>
  );
}
