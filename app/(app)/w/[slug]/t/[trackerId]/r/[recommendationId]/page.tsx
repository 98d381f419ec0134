import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchiveX, ArrowRight, ExternalLink as ExternalIcon, Quote } from "lucide-react";
import { ActionItems } from "@/components/action-items/action-items";
import { CommentCard, CommentComposer } from "@/components/comments/comments";
import { EditableField } from "@/components/recommendations/editable-field";
import { AddEvidenceButton, EvidenceItemControls } from "@/components/evidence/evidence-editor";
import { OwnersEditor } from "@/components/recommendations/owners-editor";
import { RecommendationAdmin } from "@/components/recommendations/recommendation-admin";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { StatusControl } from "@/components/recommendations/status-control";
import { ExternalLink } from "@/components/ui/external-link";
import { Markdown } from "@/components/ui/markdown";
import { describeActivity } from "@/lib/events/describe";
import { formatDate, formatDateTime } from "@/lib/dates";
import { requirePageMembership } from "@/lib/server/authz";
import { getRecommendationView } from "@/lib/recommendations/queries";
import { evidenceSourceLabels, evidenceStanceLabels } from "@/lib/evidence/rules";
import { priorityLabels } from "@/lib/recommendations/rules";
import { can } from "@/lib/permissions";
import { routes } from "@/lib/routes";

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");
const todayIso = () => new Date().toISOString().slice(0, 10);

export default async function RecommendationPage({
  params,
}: PageProps<"/w/[slug]/t/[trackerId]/r/[recommendationId]">) {
  const { slug, trackerId, recommendationId } = await params;
  const { workspace, role, user } = await requirePageMembership(slug);
  const rec = await getRecommendationView(workspace.id, trackerId, recommendationId);
  if (!rec) notFound();

  const canEdit = can(role, "recommendation.update");
  const canComment = can(role, "comment.create");
  const canDeleteAnyComment = can(role, "comment.deleteAny");
  const fieldProps = { workspaceSlug: slug, recommendationId: rec.id, version: rec.version, canEdit };
  const today = todayIso();

  const statusChanges = rec.events.flatMap(({ event, ...row }) =>
    event.type === "recommendation.status_changed" ? [{ ...row, change: event.data }] : [],
  );
  type TimelineItem =
    | { kind: "comment"; at: Date; comment: (typeof rec.comments)[number] }
    | { kind: "event"; at: Date; event: (typeof rec.events)[number] };
  const timeline: TimelineItem[] = [
    ...rec.comments.map((comment) => ({ kind: "comment" as const, at: comment.createdAt, comment })),
    ...rec.events
      .filter(({ event }) => !event.type.startsWith("comment."))
      .map((event) => ({ kind: "event" as const, at: event.createdAt, event })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());

  return (
    <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <nav aria-label="Breadcrumb" className="flex flex-wrap gap-1 text-sm text-zinc-500">
        <Link href={routes.tracker(slug, trackerId)} className="hover:text-zinc-900">
          {rec.tracker.name}
        </Link>
        <span aria-hidden>/</span>
        <Link
          href={routes.tracker(slug, trackerId, new URLSearchParams({ section: rec.section.id }))}
          className="hover:text-zinc-900"
        >
          {rec.section.title}
        </Link>
      </nav>

      {rec.archivedAt ? (
        <div
          role="status"
          className="mt-3 flex items-center gap-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          <ArchiveX aria-hidden className="size-4" /> Archived on {formatDate(rec.archivedAt)}: hidden from
          the tracker until restored.
        </div>
      ) : null}

      <div className="mt-2 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <EditableField
          {...fieldProps}
          field="title"
          label="Title"
          isLabelVisible={false}
          value={rec.title}
          control={{ kind: "text" }}
          display={<h1 className="text-xl font-semibold text-balance">{rec.title}</h1>}
          className="min-w-0 flex-1"
        />
        <StatusControl
          workspaceSlug={slug}
          recommendationId={rec.id}
          version={rec.version}
          status={rec.status}
          evidence={rec.evidence.map((item) => ({ id: item.id, title: item.title }))}
          canEdit={canEdit}
        />
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="min-w-0 space-y-6">
          <section
            aria-labelledby="text-heading"
            className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200"
          >
            <h2 id="text-heading" className="text-sm font-semibold text-zinc-500">
              Recommendation
            </h2>
            <EditableField
              {...fieldProps}
              field="text"
              label="Text"
              isLabelVisible={false}
              value={rec.text}
              control={{ kind: "textarea", rows: 6 }}
              display={<p className="mt-2 text-sm leading-6 whitespace-pre-line">{rec.text}</p>}
            />
            {rec.sourcePassage ? (
              <figure className="mt-4 rounded-lg border-l-4 border-indigo-200 bg-indigo-50/50 p-3">
                <figcaption className="flex flex-wrap items-center gap-1.5 text-xs font-medium text-indigo-900">
                  <Quote aria-hidden className="size-3.5" /> Source passage
                  {rec.tracker.document ? (
                    <span className="font-normal text-zinc-500">· {rec.tracker.document.title}</span>
                  ) : null}
                  {rec.tracker.documentId && rec.sourceStart !== null ? (
                    <Link
                      href={routes.passage(slug, trackerId, rec.id)}
                      className="ml-auto inline-flex items-center gap-1 font-medium text-indigo-700 hover:underline"
                    >
                      Show in document <ArrowRight aria-hidden className="size-3" />
                    </Link>
                  ) : null}
                </figcaption>
                <blockquote className="mt-1.5 text-sm leading-6 text-zinc-700 italic">
                  {rec.sourcePassage}
                </blockquote>
              </figure>
            ) : null}
          </section>

          <section
            aria-labelledby="actions-heading"
            className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200"
          >
            <h2 id="actions-heading" className="mb-2 text-sm font-semibold text-zinc-500">
              Advocacy actions
            </h2>
            <ActionItems
              workspaceSlug={slug}
              recommendationId={rec.id}
              members={rec.members}
              canEdit={can(role, "action.manage")}
              items={rec.actionItems.map((item) => ({
                id: item.id,
                title: item.title,
                dueDate: item.dueDate ? isoDay(item.dueDate) : null,
                isDone: Boolean(item.doneAt),
                isOverdue: Boolean(item.dueDate && !item.doneAt && isoDay(item.dueDate) < today),
                version: item.version,
                owner: item.owner,
              }))}
            />
          </section>

          <section
            aria-labelledby="evidence-heading"
            className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200"
          >
            <div className="flex items-center justify-between gap-2">
              <h2 id="evidence-heading" className="text-sm font-semibold text-zinc-500">
                Evidence
              </h2>
              {can(role, "evidence.manage") ? (
                <AddEvidenceButton workspaceSlug={slug} recommendationId={rec.id} />
              ) : null}
            </div>
            {rec.evidence.length === 0 ? (
              <p className="mt-2 text-sm text-zinc-500">
                No evidence linked yet.
                {can(role, "evidence.manage")
                  ? " Add an executive order, UN document, news story or NGO report."
                  : ""}
              </p>
            ) : (
              <ul className="mt-2 divide-y divide-zinc-100" aria-label="Evidence">
                {rec.evidence.map((item) => {
                  const body = (
                    <>
                      <ExternalLink
                        href={item.url}
                        className="inline-flex items-start gap-1.5 text-sm font-medium break-words text-indigo-700 hover:underline"
                      >
                        {item.title}
                        <ExternalIcon aria-hidden className="mt-0.5 size-3.5 shrink-0" />
                      </ExternalLink>
                      <p className="mt-0.5 text-xs text-zinc-500">
                        {evidenceSourceLabels[item.sourceType]} · {evidenceStanceLabels[item.stance]}
                        {item.publishedAt ? ` · ${formatDate(item.publishedAt)}` : ""} · added by{" "}
                        {item.addedBy.name}
                      </p>
                      {item.quote ? (
                        <blockquote className="mt-1 border-l-2 border-zinc-200 pl-2 text-sm text-zinc-600 italic">
                          {item.quote}
                        </blockquote>
                      ) : null}
                    </>
                  );
                  return (
                    <li key={item.id} className="py-2.5">
                      {can(role, "evidence.manage") ? (
                        <EvidenceItemControls
                          workspaceSlug={slug}
                          values={{
                            id: item.id,
                            version: item.version,
                            url: item.url,
                            title: item.title,
                            sourceType: item.sourceType,
                            publishedAt: isoDay(item.publishedAt),
                            stance: item.stance,
                            quote: item.quote ?? "",
                          }}
                        >
                          {body}
                        </EvidenceItemControls>
                      ) : (
                        body
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>

          <section
            aria-labelledby="status-history-heading"
            className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200"
          >
            <h2 id="status-history-heading" className="text-sm font-semibold text-zinc-500">
              Status history
            </h2>
            {statusChanges.length === 0 ? (
              <p className="mt-2 text-sm text-zinc-500">The status has not changed yet.</p>
            ) : (
              <ol className="mt-3 space-y-3" aria-label="Status history">
                {[...statusChanges].reverse().map(({ change: data, ...event }) => {
                  return (
                    <li key={event.id} className="text-sm" data-testid="status-change">
                      <div className="flex flex-wrap items-center gap-1.5">
                        {data.from ? <StatusBadge status={data.from} /> : null}
                        <ArrowRight aria-label="to" className="size-3.5 text-zinc-400" />
                        <StatusBadge status={data.to} />
                        <span className="text-xs text-zinc-500">
                          by{" "}
                          <span className="font-medium text-zinc-800">{event.actor?.name ?? "Someone"}</span>{" "}
                          ·{" "}
                          <time dateTime={event.createdAt.toISOString()}>
                            {formatDateTime(event.createdAt)}
                          </time>
                        </span>
                      </div>
                      {data.justification ? (
                        <p className="mt-1 border-l-2 border-zinc-200 pl-2 text-zinc-700">
                          {data.justification}
                        </p>
                      ) : null}
                      {data.evidence?.length ? (
                        <p className="mt-1 text-xs text-zinc-500">
                          Cited:{" "}
                          {data.evidence.map((item, index) => (
                            <span key={item.id}>
                              {index > 0 ? ", " : ""}
                              <ExternalLink href={item.url} className="text-indigo-700 hover:underline">
                                {item.title}
                              </ExternalLink>
                            </span>
                          ))}
                        </p>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            )}
          </section>

          <section
            aria-labelledby="timeline-heading"
            className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200"
          >
            <h2 id="timeline-heading" className="text-sm font-semibold text-zinc-500">
              Activity and comments
            </h2>
            {timeline.length === 0 ? (
              <p className="mt-2 text-sm text-zinc-500">Nothing has happened here yet.</p>
            ) : null}
            <ol className="mt-3 space-y-3">
              {timeline.map((item) =>
                item.kind === "comment" ? (
                  <li key={item.comment.id}>
                    <CommentCard
                      workspaceSlug={slug}
                      comment={{ id: item.comment.id, body: item.comment.body }}
                      members={rec.members}
                      canEdit={canComment && item.comment.author.id === user.id}
                      canDelete={(canComment && item.comment.author.id === user.id) || canDeleteAnyComment}
                      meta={
                        <>
                          <span className="font-medium text-zinc-900">{item.comment.author.name}</span>{" "}
                          commented ·{" "}
                          <time dateTime={item.comment.createdAt.toISOString()}>
                            {formatDateTime(item.comment.createdAt)}
                          </time>
                          {item.comment.editedAt ? " · edited" : ""}
                        </>
                      }
                    >
                      <Markdown mentions={rec.members.map((m) => m.name)}>{item.comment.body}</Markdown>
                    </CommentCard>
                  </li>
                ) : (
                  <li key={item.event.id} className="text-sm text-zinc-600">
                    <span className="font-medium text-zinc-900">{item.event.actor?.name ?? "Someone"}</span>{" "}
                    {describeActivity(item.event.event)} ·{" "}
                    <time dateTime={item.event.createdAt.toISOString()} className="text-xs text-zinc-500">
                      {formatDateTime(item.event.createdAt)}
                    </time>
                  </li>
                ),
              )}
            </ol>
            {canComment ? (
              <div className="mt-4 border-t border-zinc-100 pt-4">
                <CommentComposer workspaceSlug={slug} recommendationId={rec.id} members={rec.members} />
              </div>
            ) : null}
          </section>
        </div>

        <aside className="space-y-4">
          <div className="space-y-4 rounded-xl bg-white p-5 text-sm shadow-sm ring-1 ring-zinc-200">
            <OwnersEditor
              workspaceSlug={slug}
              recommendationId={rec.id}
              owners={rec.owners}
              members={rec.members}
              canEdit={can(role, "recommendation.assign")}
            />
            <EditableField
              {...fieldProps}
              field="targetActor"
              label="Target actor"
              value={rec.targetActor ?? ""}
              control={{
                kind: "text",
                suggestions: rec.actorSuggestions,
                placeholder: "e.g. State Department",
              }}
              display={rec.targetActor ? <p>{rec.targetActor}</p> : <p className="text-zinc-500">Not set</p>}
            />
            <EditableField
              {...fieldProps}
              field="requiresLegislation"
              label="Path"
              value={rec.requiresLegislation === null ? "" : String(rec.requiresLegislation)}
              control={{
                kind: "select",
                options: [
                  { value: "", label: "Not assessed" },
                  { value: "false", label: "Executive can act alone" },
                  { value: "true", label: "Needs legislation" },
                ],
              }}
              display={
                rec.requiresLegislation === null ? (
                  <p className="text-zinc-500">Not assessed</p>
                ) : (
                  <p>{rec.requiresLegislation ? "Needs legislation" : "Executive can act alone"}</p>
                )
              }
            />
            <EditableField
              {...fieldProps}
              field="priority"
              label="Priority"
              value={rec.priority ?? ""}
              control={{
                kind: "select",
                options: [
                  { value: "", label: "Not set" },
                  ...(["HIGH", "MEDIUM", "LOW"] as const).map((p) => ({
                    value: p,
                    label: priorityLabels[p],
                  })),
                ],
              }}
              display={
                rec.priority ? (
                  <p>{priorityLabels[rec.priority]}</p>
                ) : (
                  <p className="text-zinc-500">Not set</p>
                )
              }
            />
            <EditableField
              {...fieldProps}
              field="dueDate"
              label="Due date"
              value={isoDay(rec.dueDate)}
              control={{ kind: "date" }}
              display={
                rec.dueDate ? (
                  <p
                    className={
                      isoDay(rec.dueDate) < today && rec.status !== "ACHIEVED"
                        ? "font-medium text-red-700"
                        : undefined
                    }
                  >
                    {formatDate(rec.dueDate)}
                    {isoDay(rec.dueDate) < today && rec.status !== "ACHIEVED" ? " · overdue" : ""}
                  </p>
                ) : (
                  <p className="text-zinc-500">No due date</p>
                )
              }
            />
            <EditableField
              {...fieldProps}
              field="tags"
              label="Tags"
              value={rec.tags.join(", ")}
              control={{ kind: "text", placeholder: "comma, separated" }}
              display={
                rec.tags.length === 0 ? (
                  <p className="text-zinc-500">None</p>
                ) : (
                  <span className="flex flex-wrap gap-1">
                    {rec.tags.map((tag) => (
                      <Link
                        key={tag}
                        href={routes.tracker(slug, trackerId, new URLSearchParams({ tag }))}
                        className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 hover:bg-zinc-200"
                      >
                        {tag}
                      </Link>
                    ))}
                  </span>
                )
              }
            />
            <EditableField
              {...fieldProps}
              field="sectionId"
              label="Section"
              value={rec.section.id}
              control={{
                kind: "select",
                options: rec.sections.map((s) => ({ value: s.id, label: s.title })),
              }}
              display={<p>{rec.section.title}</p>}
            />
            {rec.referenceId ? (
              <div>
                <p className="text-xs font-medium text-zinc-500">Reference</p>
                <p>{rec.referenceId}</p>
              </div>
            ) : null}
            {Object.entries(rec.attributes).map(([key, value]) => (
              <div key={key}>
                <p className="text-xs font-medium text-zinc-500">{key}</p>
                <p className="break-words">{String(value)}</p>
              </div>
            ))}
          </div>
          {canEdit ? (
            <RecommendationAdmin
              workspaceSlug={slug}
              recommendationId={rec.id}
              isArchived={Boolean(rec.archivedAt)}
              canDelete={can(role, "recommendation.delete")}
            />
          ) : null}
        </aside>
      </div>
    </main>
  );
}
