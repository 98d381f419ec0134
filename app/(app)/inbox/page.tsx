import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import {
  AtSign,
  Bell,
  CalendarClock,
  CircleDot,
  FileText,
  MessageSquare,
  UserPlus,
  Archive,
} from "lucide-react";
import { requireUser } from "@/lib/server/auth/session";
import { listInbox, listInboxTrackers } from "@/lib/notifications/queries";
import { InboxFilterSchema, type InboxFilter } from "@/lib/notifications/schemas";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { routes } from "@/lib/routes";
import { cn } from "@/lib/cn";
import { cardClass } from "@/components/ui/card";
import { MarkAllReadButton, OpenEntryLink, ToggleReadButton } from "@/components/notifications/inbox-actions";
import { TrackerFilter } from "@/components/notifications/tracker-filter";
import { headlineText, summaryText, type LooseTranslator } from "@/lib/notifications/summary";

export async function generateMetadata() {
  const t = await getTranslations("inbox");
  return { title: t("metaTitle") };
}

const icons: Record<NotificationKind, typeof Bell> = {
  MENTION: AtSign,
  ASSIGNED: UserPlus,
  STATUS_CHANGED: CircleDot,
  COMMENT: MessageSquare,
  EVIDENCE: FileText,
  ARCHIVED: Archive,
  DUE_SOON: CalendarClock,
  OVERDUE: CalendarClock,
  INVITATION_ACCEPTED: UserPlus,
};

function filterHref(filter: InboxFilter, change: Partial<InboxFilter>): string {
  const next = { ...filter, ...change, page: change.page ?? 1 };
  const query = new URLSearchParams();
  if (next.show !== "unread") query.set("show", next.show);
  if (next.reason !== "any") query.set("reason", next.reason);
  if (next.tracker) query.set("tracker", next.tracker);
  if (next.page > 1) query.set("page", String(next.page));
  return routes.inbox(query);
}

export default async function InboxPage({ searchParams }: PageProps<"/inbox">) {
  const user = await requireUser(routes.inbox());
  const filter = InboxFilterSchema.parse(await searchParams);
  const [{ entries, hasMore }, trackers] = await Promise.all([
    listInbox(user, filter),
    listInboxTrackers(user),
  ]);
  const [t, tNotifications, tStatus, format] = await Promise.all([
    getTranslations("inbox"),
    getTranslations("notifications"),
    getTranslations("status"),
    getFormatter(),
  ]);
  const translators = {
    t: tNotifications as unknown as LooseTranslator,
    status: tStatus as unknown as LooseTranslator,
  };
  const tab = (label: string, change: Partial<InboxFilter>, isCurrent: boolean) => (
    <Link
      href={filterHref(filter, change)}
      aria-current={isCurrent ? "page" : undefined}
      className={cn(
        "rounded-md px-2.5 py-1 text-sm font-medium",
        isCurrent ? "bg-zinc-900 text-white" : "text-zinc-600 hover:bg-zinc-100",
      )}
    >
      {label}
    </Link>
  );
  const isFiltered = filter.reason !== "any" || Boolean(filter.tracker);
  return (
    <main className="mx-auto max-w-4xl space-y-4 px-4 py-6 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-zinc-600">{t("intro")}</p>
        </div>
        <MarkAllReadButton isDisabled={filter.show === "unread" && entries.length === 0} />
      </div>
      <nav aria-label={t("filters")} className="flex flex-wrap items-center gap-1">
        {tab(t("tabs.unread"), { show: "unread" }, filter.show === "unread")}
        {tab(t("tabs.all"), { show: "all" }, filter.show === "all")}
        <span aria-hidden className="mx-1 h-5 w-px bg-zinc-200" />
        {tab(t("tabs.everything"), { reason: "any" }, filter.reason === "any")}
        {tab(t("tabs.mentions"), { reason: "mentions" }, filter.reason === "mentions")}
        {tab(t("tabs.assigned"), { reason: "assigned" }, filter.reason === "assigned")}
        <span className="ms-auto">
          <TrackerFilter
            trackers={trackers}
            current={filter.tracker ?? ""}
            baseQuery={filterHref(filter, { tracker: undefined })}
          />
        </span>
      </nav>
      <section aria-label={t("listLabel")} className={cardClass("overflow-hidden")}>
        {entries.length === 0 ? (
          <div className="px-4 py-10 text-center">
            <Bell aria-hidden className="mx-auto size-6 text-zinc-400" />
            <p className="mt-2 text-sm font-medium">
              {filter.show === "unread" ? t("emptyUnread") : t("emptyAll")}
            </p>
            <p className="mt-1 text-sm text-zinc-500">
              {isFiltered ? t("noMatch") : t("emptyHint")}{" "}
              {filter.show === "unread" ? (
                <Link
                  className="font-medium text-indigo-700 hover:underline"
                  href={filterHref(filter, { show: "all" })}
                >
                  {t("showRead")}
                </Link>
              ) : (
                t("watchHint")
              )}
            </p>
          </div>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {entries.map((entry) => {
              const Icon = icons[entry.kind];
              return (
                <li
                  key={entry.id}
                  data-testid="inbox-entry"
                  data-unread={entry.isRead ? undefined : "true"}
                  className={cn("flex items-start gap-3 px-4 py-3", !entry.isRead && "bg-indigo-50/40")}
                >
                  <span className="relative mt-0.5 flex size-6 shrink-0 items-center justify-center">
                    {entry.isRead ? null : (
                      <span
                        className="absolute -start-2.5 top-1/2 size-1.5 -translate-y-1/2 rounded-full bg-indigo-600"
                        aria-hidden
                      />
                    )}
                    <Icon aria-hidden className="size-4 text-zinc-500" />
                  </span>
                  <div className="min-w-0 flex-1">
                    <OpenEntryLink href={entry.href} notificationId={entry.id} isRead={entry.isRead}>
                      <span className={cn("block text-sm", entry.isRead ? "text-zinc-700" : "font-semibold")}>
                        {headlineText(translators, entry.kind, entry.actorName)}
                        {entry.count > 1 ? (
                          <span className="ms-1.5 rounded-full bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-600">
                            {t("updates", { count: entry.count })}
                          </span>
                        ) : null}
                        {entry.isRead ? null : <span className="sr-only"> {t("unreadMark")}</span>}
                      </span>
                      {entry.title ? (
                        <span
                          lang={entry.trackerLanguage ?? undefined}
                          className="block truncate text-sm text-zinc-900"
                        >
                          {entry.title}
                        </span>
                      ) : null}
                      <span className="block truncate text-sm text-zinc-500">
                        {summaryText(translators, entry.summaryData, entry.summary)}
                      </span>
                    </OpenEntryLink>
                    <span className="mt-0.5 block text-xs text-zinc-500">
                      {entry.workspaceName}
                      {entry.trackerName ? ` · ${entry.trackerName}` : ""} ·{" "}
                      <time
                        dateTime={entry.updatedAt}
                        title={format.dateTime(new Date(entry.updatedAt), "dateTime")}
                      >
                        {format.relativeTime(new Date(entry.updatedAt))}
                      </time>
                    </span>
                  </div>
                  <ToggleReadButton notificationId={entry.id} isRead={entry.isRead} />
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {filter.page > 1 || hasMore ? (
        <nav aria-label={t("pages")} className="flex justify-between text-sm">
          {filter.page > 1 ? (
            <Link
              className="font-medium text-indigo-700 hover:underline"
              href={filterHref(filter, { page: filter.page - 1 })}
            >
              {t("newer")}
            </Link>
          ) : (
            <span />
          )}
          {hasMore ? (
            <Link
              className="font-medium text-indigo-700 hover:underline"
              href={filterHref(filter, { page: filter.page + 1 })}
            >
              {t("older")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </main>
  );
}
