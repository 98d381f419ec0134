import Link from "next/link";
import { CheckCircle2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { RejectedList } from "@/components/import/rejected-list";
import type { ImportJobView } from "@/lib/import/queries";

/** Step 4 once the import has ended: what was created, updated and rejected, or why it failed. */
export function ResultStep({ job, trackerPath }: { job: ImportJobView; trackerPath: string }) {
  const t = useTranslations("importClient.result");
  return (
    <section aria-labelledby="step-import" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200">
      <h2 id="step-import" className="font-semibold">
        {t("heading")}
      </h2>
      {job.state === "failed" ? (
        <p role="alert" className="mt-3 text-sm text-red-800">
          {job.error}
        </p>
      ) : job.result ? (
        <div className="mt-3" data-testid="import-result">
          {job.result.isStrictFailure ? (
            <p className="text-sm text-red-800">{t("strictFailure", { count: job.result.rejectedCount })}</p>
          ) : (
            <p className="flex items-center gap-2 text-sm text-green-800">
              <CheckCircle2 aria-hidden className="size-4" />
              {t("done", {
                created: job.result.created,
                updated: job.result.updated,
                rejected: job.result.rejectedCount,
                seconds: job.result.durationMs / 1000,
              })}
            </p>
          )}
          {job.result.rejectedCount > 0 ? (
            <RejectedList rows={job.result.rejected} total={job.result.rejectedCount} isOpen />
          ) : null}
          <Link href={trackerPath} className={buttonClass("primary", "md", "mt-4")}>
            {t("open")}
          </Link>
        </div>
      ) : null}
    </section>
  );
}
