import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckCircle2, Circle, ExternalLink as ExternalIcon, Quote } from "lucide-react";
import { Avatars, StatusBadge } from "@/components/tracker/status-badge";
import { ExternalLink } from "@/components/ui/external-link";
import { Markdown } from "@/components/ui/markdown";
import { describeActivity } from "@/lib/activity-text";
import { formatDate, formatDateTime } from "@/lib/dates";
import { requirePageMembership } from "@/lib/dal/memberships";
import { getRecommendationView } from "@/lib/dal/recommendations";
import { evidenceSourceLabels, evidenceStanceLabels, priorityLabels } from "@/lib/labels";

export default async function RecommendationPage({
  params,
}: PageProps<"/w/[slug]/t/[trackerId]/r/[recommendationId]">) {
  const { slug, trackerId, recommendationId } = await params;
  const { workspace } = await requirePageMembership(slug);
  const rec = await getRecommendationView(workspace.id, trackerId, recommendationId);
  if (!rec) notFound();

  type TimelineItem =
    | { kind: "comment"; id: string; at: Date; author: string; body: string; isEdited: boolean }
    | { kind: "event"; id: string; at: Date; actor: string; text: string; justification?: string };
  const timeline: TimelineItem[] = [
    ...rec.comments.map((c) => ({
      kind: "comment" as const,
      id: c.id,
      at: c.createdAt,
      author: c.author.name,
      body: c.body,
      isEdited: Boolean(c.editedAt),
    })),
    ...rec.events
      .filter((e) => e.type !== "comment.added")
      .map((e) => {
        const data = (e.data ?? {}) as Record<string, unknown>;
        return {
          kind: "event" as const,
          id: e.id,
          at: e.createdAt,
          actor: e.actor?.name ?? "Someone",
          text: describeActivity(e.type, data),
          justification: typeof data.justification === "string" ? data.justification : undefined,
        };
      }),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());

  const attributes = Object.entries(rec.attributes);

  return (
    <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <nav aria-label="Breadcrumb" className="flex flex-wrap gap-1 text-sm text-zinc-500">
        <Link href={`/w/${slug}/t/${trackerId}`} className="hover:text-zinc-900">
          {rec.tracker.name}
        </Link>
        <span aria-hidden>/</span>
        <span>{rec.section.title}</span>
      </nav>
      <div className="mt-2 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <h1 className="text-xl font-semibold text-balance">{rec.title}</h1>
        <StatusBadge status={rec.status} className="self-start text-sm" />
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
            <p className="mt-2 text-sm leading-6 whitespace-pre-line">{rec.text}</p>
            {rec.sourcePassage ? (
              <figure className="mt-4 rounded-lg border-l-4 border-indigo-200 bg-indigo-50/50 p-3">
                <figcaption className="flex items-center gap-1.5 text-xs font-medium text-indigo-900">
                  <Quote aria-hidden className="size-3.5" /> Source passage
                  {rec.tracker.document ? (
                    <span className="font-normal text-zinc-500">· {rec.tracker.document.title}</span>
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
            <h2 id="actions-heading" className="text-sm font-semibold text-zinc-500">
              Advocacy actions
            </h2>
            {rec.actionItems.length === 0 ? (
              <p className="mt-2 text-sm text-zinc-500">No actions planned yet.</p>
            ) : (
              <ul className="mt-2 space-y-2">
                {rec.actionItems.map((item) => (
                  <li key={item.id} className="flex items-start gap-2 text-sm">
                    {item.doneAt ? (
                      <CheckCircle2 aria-label="Done" className="mt-0.5 size-4 shrink-0 text-green-600" />
                    ) : (
                      <Circle aria-label="Not done" className="mt-0.5 size-4 shrink-0 text-zinc-400" />
                    )}
                    <span className={item.doneAt ? "text-zinc-500 line-through" : ""}>{item.title}</span>
                    <span className="ml-auto shrink-0 text-xs text-zinc-500">
                      {item.owner?.name ?? "Unassigned"}
                      {item.dueDate ? ` · due ${formatDate(item.dueDate)}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section
            aria-labelledby="evidence-heading"
            className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200"
          >
            <h2 id="evidence-heading" className="text-sm font-semibold text-zinc-500">
              Evidence
            </h2>
            {rec.evidence.length === 0 ? (
              <p className="mt-2 text-sm text-zinc-500">No evidence linked yet.</p>
            ) : (
              <ul className="mt-2 divide-y divide-zinc-100">
                {rec.evidence.map((item) => (
                  <li key={item.id} className="py-2.5">
                    <ExternalLink
                      href={item.url}
                      className="inline-flex items-start gap-1.5 text-sm font-medium text-indigo-700 hover:underline"
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
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section
            aria-labelledby="timeline-heading"
            className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200"
          >
            <h2 id="timeline-heading" className="text-sm font-semibold text-zinc-500">
              Timeline
            </h2>
            {timeline.length === 0 ? (
              <p className="mt-2 text-sm text-zinc-500">Nothing has happened here yet.</p>
            ) : (
              <ol className="mt-3 space-y-4">
                {timeline.map((item) =>
                  item.kind === "comment" ? (
                    <li key={item.id} className="rounded-lg bg-zinc-50 p-3 ring-1 ring-zinc-200">
                      <p className="text-xs text-zinc-500">
                        <span className="font-medium text-zinc-900">{item.author}</span> commented ·{" "}
                        <time dateTime={item.at.toISOString()}>{formatDateTime(item.at)}</time>
                        {item.isEdited ? " · edited" : ""}
                      </p>
                      <div className="mt-1.5">
                        <Markdown>{item.body}</Markdown>
                      </div>
                    </li>
                  ) : (
                    <li key={item.id} className="text-sm text-zinc-600">
                      <span className="font-medium text-zinc-900">{item.actor}</span> {item.text} ·{" "}
                      <time dateTime={item.at.toISOString()} className="text-xs text-zinc-500">
                        {formatDateTime(item.at)}
                      </time>
                      {item.justification ? (
                        <p className="mt-1 border-l-2 border-zinc-200 pl-2 text-zinc-700">
                          {item.justification}
                        </p>
                      ) : null}
                    </li>
                  ),
                )}
              </ol>
            )}
          </section>
        </div>

        <aside className="space-y-4">
          <dl className="space-y-3 rounded-xl bg-white p-5 text-sm shadow-sm ring-1 ring-zinc-200">
            <Detail label="Owners">
              {rec.owners.length === 0 ? (
                <span className="text-zinc-400">Unassigned</span>
              ) : (
                <span className="flex items-center gap-2">
                  <Avatars people={rec.owners} />
                  <span>{rec.owners.map((o) => o.name).join(", ")}</span>
                </span>
              )}
            </Detail>
            <Detail label="Target actor">
              {rec.targetActor ?? <span className="text-zinc-400">Not set</span>}
            </Detail>
            <Detail label="Path">
              {rec.requiresLegislation === null ? (
                <span className="text-zinc-400">Not assessed</span>
              ) : rec.requiresLegislation ? (
                "Needs legislation"
              ) : (
                "Executive can act alone"
              )}
            </Detail>
            <Detail label="Priority">
              {rec.priority ? priorityLabels[rec.priority] : <span className="text-zinc-400">Not set</span>}
            </Detail>
            <Detail label="Due">
              {rec.dueDate ? formatDate(rec.dueDate) : <span className="text-zinc-400">No due date</span>}
            </Detail>
            <Detail label="Tags">
              {rec.tags.length === 0 ? (
                <span className="text-zinc-400">None</span>
              ) : (
                <span className="flex flex-wrap gap-1">
                  {rec.tags.map((tag) => (
                    <span key={tag} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700">
                      {tag}
                    </span>
                  ))}
                </span>
              )}
            </Detail>
            {rec.referenceId ? <Detail label="Reference">{rec.referenceId}</Detail> : null}
            {attributes.map(([key, value]) => (
              <Detail key={key} label={key}>
                {String(value)}
              </Detail>
            ))}
          </dl>
        </aside>
      </div>
    </main>
  );
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="mt-0.5 text-zinc-900">{children}</dd>
    </div>
  );
}
