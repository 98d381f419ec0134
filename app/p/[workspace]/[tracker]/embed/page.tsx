import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ProgressBar } from "@/components/trackers/progress-bar";
import { getPublicScorecard } from "@/lib/publishing/queries";
import { routes } from "@/lib/routes";

/**
 * The iframe-able summary. The only URL that other sites may frame: proxy.ts gives it `frame-ancestors *`
 * and next.config.js leaves out X-Frame-Options for it. Links open the full scorecard in a new tab.
 */
export default async function EmbedPage({ params }: PageProps<"/p/[workspace]/[tracker]/embed">) {
  const { workspace, tracker } = await params;
  const scorecard = await getPublicScorecard(workspace, tracker);
  if (!scorecard) notFound();
  const t = await getTranslations("publicScorecard");
  const format = await getFormatter();
  const lang = scorecard.language ?? undefined;
  return (
    <main className="p-4 text-sm">
      <p className="text-xs text-zinc-500">{scorecard.workspaceName}</p>
      <h1 className="font-semibold">
        <a
          href={routes.publicScorecard(workspace, tracker)}
          target="_blank"
          rel="noopener noreferrer"
          className="hover:underline"
          lang={lang}
        >
          {scorecard.trackerName}
        </a>
      </h1>
      <p className="mt-2 font-semibold tabular-nums">
        {t("achieved", { achieved: scorecard.achieved, total: scorecard.progress.total })}
      </p>
      <ProgressBar progress={scorecard.progress} className="mt-1" />
      <ul className="mt-3 space-y-1.5">
        {scorecard.sections.slice(0, 8).map((section, index) => (
          <li key={`${index}-${section.title}`}>
            <div className="flex justify-between gap-2 text-xs">
              <span className="truncate" lang={lang}>
                {section.title}
              </span>
              <span className="shrink-0 tabular-nums">
                {section.progress.counts.ACHIEVED}/{section.progress.total}
              </span>
            </div>
            <ProgressBar progress={section.progress} className="mt-0.5" />
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xs text-zinc-500">
        {t("embed.updated", { date: format.dateTime(new Date(scorecard.lastUpdated), "day") })} ·{" "}
        <a
          href={routes.publicScorecard(workspace, tracker)}
          target="_blank"
          rel="noopener noreferrer"
          className="text-indigo-700 hover:underline"
        >
          {t("embed.full")}
        </a>
      </p>
    </main>
  );
}
