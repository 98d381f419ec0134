import type { ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { CommentCard, CommentComposer } from "@/components/comments/comments";
import type { RecommendationSectionProps } from "@/components/recommendations/section-props";
import { Card } from "@/components/ui/card";
import { Markdown } from "@/components/ui/markdown";
import { describeActivity } from "@/lib/events/describe";
import { can } from "@/lib/permissions";
import type { RecommendationView } from "@/lib/recommendations/queries";

const authorName = (chunks: ReactNode) => <span className="font-medium text-zinc-900">{chunks}</span>;

type TimelineItem =
  | { kind: "comment"; at: Date; comment: RecommendationView["comments"][number] }
  | { kind: "event"; at: Date; event: RecommendationView["events"][number] };

/** Comments and events in one timeline, oldest first (comment events are shown as the comments themselves). */
function timelineOf(rec: RecommendationView): TimelineItem[] {
  return [
    ...rec.comments.map((comment) => ({ kind: "comment" as const, at: comment.createdAt, comment })),
    ...rec.events
      // Comments appear as themselves, so their events are left out (unreadable ones too, by their stored type).
      .filter(
        ({ event }) => !(event.type === "unreadable" ? event.storedType : event.type).startsWith("comment."),
      )
      .map((event) => ({ kind: "event" as const, at: event.createdAt, event })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Activity and comments, with the composer for those who may comment. */
export function ActivityTimeline({
  workspaceSlug,
  rec,
  role,
  userId,
}: RecommendationSectionProps & { userId: string }) {
  const t = useTranslations("recommendation");
  const tComments = useTranslations("comments");
  const format = useFormatter();
  // The whole catalogue: activity sentences name statuses (status.*) as well (lib/events/describe.ts).
  const tAll = useTranslations();
  const canComment = can(role, "comment.create");
  const canDeleteAnyComment = can(role, "comment.deleteAny");
  const timeline = timelineOf(rec);
  const mentionNames = rec.members.map((member) => member.name);
  return (
    <Card title={t("timeline.heading")} titleId="timeline-heading" titleVariant="label">
      {timeline.length === 0 ? <p className="mt-2 text-sm text-zinc-500">{t("timeline.empty")}</p> : null}
      <ol className="mt-3 space-y-3">
        {timeline.map((item) => {
          if (item.kind === "event") {
            return (
              <li key={item.event.id} className="text-sm text-zinc-600">
                <span className="font-medium text-zinc-900">{item.event.actor?.name ?? t("someone")}</span>{" "}
                {describeActivity(item.event.event, tAll)} ·{" "}
                <time
                  dateTime={item.event.createdAt.toISOString()}
                  title={format.dateTime(item.event.createdAt, "dateTime")}
                  className="text-xs text-zinc-500"
                >
                  {format.relativeTime(item.event.createdAt)}
                </time>
              </li>
            );
          }
          const { comment } = item;
          const isAuthor = canComment && comment.author.id === userId;
          return (
            <li key={comment.id}>
              <CommentCard
                workspaceSlug={workspaceSlug}
                comment={{ id: comment.id, body: comment.body }}
                members={rec.members}
                canEdit={isAuthor}
                canDelete={isAuthor || canDeleteAnyComment}
                meta={
                  <>
                    {tComments.rich("commented", { name: comment.author.name, b: authorName })} ·{" "}
                    <time
                      dateTime={comment.createdAt.toISOString()}
                      title={format.dateTime(comment.createdAt, "dateTime")}
                    >
                      {format.relativeTime(comment.createdAt)}
                    </time>
                    {comment.editedAt ? ` · ${tComments("edited")}` : ""}
                  </>
                }
              >
                <Markdown mentions={mentionNames}>{comment.body}</Markdown>
              </CommentCard>
            </li>
          );
        })}
      </ol>
      {canComment ? (
        <div className="mt-4 border-t border-zinc-100 pt-4">
          <CommentComposer workspaceSlug={workspaceSlug} recommendationId={rec.id} members={rec.members} />
        </div>
      ) : null}
    </Card>
  );
}
