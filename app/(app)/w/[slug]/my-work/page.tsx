import Link from "next/link";
import { CalendarClock } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { cn } from "@/lib/cn";
import { requirePageMembership } from "@/lib/server/authz";
import { getMyWork } from "@/lib/my-work/queries";
import { routes } from "@/lib/routes";
import { Card } from "@/components/ui/card";

export default async function MyWorkPage({ params }: PageProps<"/w/[slug]/my-work">) {
  const { slug } = await params;
  const { workspace, user } = await requirePageMembership(slug);
  const t = await getTranslations("myWork");
  const format = await getFormatter();
  const { recommendations, actions } = await getMyWork(workspace.id, user.id);
  const due = (date: Date | null, isOverdue: boolean) =>
    date ? (
      <span
        className={cn(
          "inline-flex shrink-0 items-center gap-1 text-xs",
          isOverdue ? "font-medium text-red-700" : "text-zinc-500",
        )}
      >
        <CalendarClock aria-hidden className="size-3.5" />
        {isOverdue
          ? t("overdue", { date: format.dateTime(date, "day") })
          : t("due", { date: format.dateTime(date, "day") })}
      </span>
    ) : null;
  const count = (n: number) => <span className="font-normal text-zinc-500">· {format.number(n)}</span>;
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:px-6">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-zinc-600">{t("intro")}</p>
      </div>
      <Card
        isFlush
        title={
          <>
            {t("actions.title")} {count(actions.length)}
          </>
        }
        titleId="my-actions"
        titleClassName="px-4"
      >
        {actions.length === 0 ? (
          <p className="px-4 py-5 text-sm text-zinc-500">{t("actions.none")}</p>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {actions.map((action) => (
              <li key={action.id} className={cn(action.isOverdue && "bg-red-50/60")}>
                <Link
                  href={routes.recommendation(
                    slug,
                    action.recommendation.trackerId,
                    action.recommendation.id,
                  )}
                  className="flex flex-col gap-1 px-4 py-2.5 hover:bg-zinc-50 sm:flex-row sm:items-center sm:gap-4"
                >
                  <span className="min-w-0 flex-1" lang={action.recommendation.tracker.language ?? undefined}>
                    <span className="block text-sm font-medium">{action.title}</span>
                    <span className="block truncate text-xs text-zinc-500">
                      {action.recommendation.title}
                    </span>
                  </span>
                  {due(action.dueDate, action.isOverdue)}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card
        isFlush
        title={
          <>
            {t("recommendations.title")} {count(recommendations.length)}
          </>
        }
        titleId="my-recommendations"
        titleClassName="px-4"
      >
        {recommendations.length === 0 ? (
          <p className="px-4 py-5 text-sm text-zinc-500">{t("recommendations.none")}</p>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {recommendations.map((rec) => (
              <li key={rec.id} className={cn(rec.isOverdue && "bg-red-50/60")}>
                <Link
                  href={routes.recommendation(slug, rec.trackerId, rec.id)}
                  className="flex flex-col gap-1 px-4 py-2.5 hover:bg-zinc-50 sm:flex-row sm:items-center sm:gap-4"
                >
                  <span className="min-w-0 flex-1" lang={rec.tracker.language ?? undefined}>
                    <span className="block text-sm font-medium">{rec.title}</span>
                    <span className="block truncate text-xs text-zinc-500">
                      {rec.tracker.name} · {rec.section.title}
                    </span>
                  </span>
                  {due(rec.dueDate, rec.isOverdue)}
                  <StatusBadge status={rec.status} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </main>
  );
}
