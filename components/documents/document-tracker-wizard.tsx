"use client";

import { useEffect, useId, useMemo, useRef, useState, useTransition } from "react";
import { AlertCircle, Check, FileUp, Merge, Plus, Scissors, X } from "lucide-react";
import { ActionForm, useFormState } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { analyzeDocumentAction, createDocumentTrackerAction } from "@/lib/documents/actions";
import { initialActionState, type ActionResult } from "@/lib/action-result";
import type { DocumentProposal } from "@/lib/documents/mutations";
import { titleFromText } from "@/lib/import/rows";
import { CreateDocumentTrackerSchema } from "@/lib/documents/schemas";
import { cn } from "@/lib/cn";

type Section = { key: string; title: string; start: number; isIncluded: boolean };

type CandidateState = "proposed" | "accepted" | "rejected";

type Candidate = {
  key: string;
  start: number;
  end: number;
  title: string;
  text: string;
  state: CandidateState;
  why: string;
};

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

let keyCounter = 0;

const nextKey = () => `k${++keyCounter}`;

export function DocumentTrackerWizard({ workspaceSlug }: { workspaceSlug: string }) {
  const [proposal, setProposal] = useState<DocumentProposal | null>(null);
  return proposal ? (
    <Review workspaceSlug={workspaceSlug} proposal={proposal} onRestart={() => setProposal(null)} />
  ) : (
    <SourceStep workspaceSlug={workspaceSlug} onProposal={setProposal} />
  );
}

// ---------------------------------------------------------------------------------------------------------
// Step 1: paste or upload

function SourceStep({
  workspaceSlug,
  onProposal,
}: {
  workspaceSlug: string;
  onProposal: (proposal: DocumentProposal) => void;
}) {
  const id = useId();
  const [source, setSource] = useState<"paste" | "file">("paste");
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <form
      className="mt-6 max-w-3xl space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200"
      aria-label="Document"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        form.set("workspaceSlug", workspaceSlug);
        form.set("source", source);
        if (source === "paste") form.delete("file");
        setError(null);
        startTransition(async () => {
          let result: ActionResult<DocumentProposal>;
          try {
            result = await analyzeDocumentAction(initialActionState as ActionResult<DocumentProposal>, form);
          } catch {
            result = { ok: false, formError: "The connection failed; try again." };
          }
          if (result.ok && result.data) onProposal(result.data);
          else if (!result.ok) setError(result.formError ?? "Could not read the document.");
        });
      }}
    >
      <fieldset>
        <legend className="text-sm font-medium">Source</legend>
        <div className="mt-2 flex gap-4 text-sm">
          {(["paste", "file"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input
                type="radio"
                name="sourceChoice"
                value={value}
                checked={source === value}
                onChange={() => setSource(value)}
              />
              {value === "paste" ? "Paste text" : "Upload a file"}
            </label>
          ))}
        </div>
      </fieldset>
      {source === "paste" ? (
        <div className="space-y-1.5">
          <label htmlFor={`${id}-text`} className="block text-sm font-medium">
            Document text
          </label>
          <textarea
            id={`${id}-text`}
            name="text"
            rows={14}
            className={cn(inputClass, "font-serif")}
            placeholder="Paste the whole document, headings included."
          />
        </div>
      ) : (
        <div className="space-y-1.5">
          <label htmlFor={`${id}-file`} className="block text-sm font-medium">
            Document file
          </label>
          <input
            id={`${id}-file`}
            type="file"
            name="file"
            accept=".txt,.md,.markdown,.pdf,.docx,text/plain,text/markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-zinc-200"
          />
          <p className="text-xs text-zinc-500">.txt, .md, .pdf or .docx, up to 10 MB.</p>
        </div>
      )}
      {error ? (
        <div
          role="alert"
          className="flex items-start gap-2 rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200"
        >
          <AlertCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
          <p data-testid="document-error">{error}</p>
        </div>
      ) : null}
      <Button type="submit" isPending={isPending}>
        <FileUp aria-hidden className="size-4" />{" "}
        {isPending ? "Reading the document…" : "Propose recommendations"}
      </Button>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------------------
// Step 2: review

/** Sentence (and clause) boundaries inside a passage, as absolute offsets where a new piece could start. */
function splitPoints(doc: string, start: number, end: number): number[] {
  const passage = doc.slice(start, end);
  const points: number[] = [];
  for (const match of passage.matchAll(/[.;:!?]["”’)\]]*\s+(?=\S)|\n\s*(?=\S)/g)) {
    const at = start + match.index + match[0].length;
    if (at > start && at < end) points.push(at);
  }
  return points;
}

/** The offsets of the current selection inside `container`, trimmed of surrounding whitespace. */
function selectionOffsets(container: HTMLElement, doc: string): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  let start = before.toString().length;
  let end = start + range.toString().length;
  while (start < end && /\s/.test(doc[start]!)) start++;
  while (end > start && /\s/.test(doc[end - 1]!)) end--;
  return end - start >= 3 ? { start, end } : null;
}

function Review({
  workspaceSlug,
  proposal,
  onRestart,
}: {
  workspaceSlug: string;
  proposal: DocumentProposal;
  onRestart: () => void;
}) {
  const doc = proposal.text;
  const id = useId();
  const [name, setName] = useState(proposal.suggestedTitle || "New tracker");
  const [docTitle, setDocTitle] = useState(proposal.suggestedTitle || "Source document");
  const [sections, setSections] = useState<Section[]>(() =>
    proposal.sections.length > 0
      ? proposal.sections.map((s) => ({
          key: nextKey(),
          title: s.title,
          start: s.start,
          isIncluded: s.isIncluded,
        }))
      : [{ key: nextKey(), title: "Recommendations", start: 0, isIncluded: true }],
  );
  const [candidates, setCandidates] = useState<Candidate[]>(() =>
    proposal.candidates.map((c) => ({
      key: nextKey(),
      start: c.start,
      end: c.end,
      title: c.suggestedTitle,
      text: squash(doc.slice(c.start, c.end)),
      state: "proposed",
      why: c.explanation,
    })),
  );
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [splitting, setSplitting] = useState<string | null>(null);
  const docRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onChange = () => setSelection(docRef.current ? selectionOffsets(docRef.current, doc) : null);
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [doc]);

  // Sections own the text from their start to the next one's; a candidate belongs to the section it starts in.
  const sorted = useMemo(() => [...sections].sort((a, b) => a.start - b.start), [sections]);
  const sectionOf = (offset: number) => {
    let found = sorted[0]!;
    for (const section of sorted) if (section.start <= offset) found = section;
    return found;
  };
  const ordered = useMemo(() => [...candidates].sort((a, b) => a.start - b.start), [candidates]);
  const isLive = (c: Candidate) => c.state !== "rejected" && sectionOf(c.start).isIncluded;
  const accepted = ordered.filter((c) => c.state === "accepted" && sectionOf(c.start).isIncluded);
  const proposedCount = ordered.filter((c) => c.state === "proposed" && sectionOf(c.start).isIncluded).length;

  const update = (key: string, change: Partial<Candidate>) =>
    setCandidates((list) => list.map((c) => (c.key === key ? { ...c, ...change } : c)));

  const mergeWithNext = (candidate: Candidate) => {
    const next = ordered.find((c) => c.start >= candidate.end && c.state !== "rejected");
    if (!next) return;
    setCandidates((list) => [
      ...list.filter((c) => c.key !== candidate.key && c.key !== next.key),
      {
        ...candidate,
        key: nextKey(),
        end: next.end,
        text: `${candidate.text} ${next.text}`,
        state: "accepted",
        why: "Merged from two proposals.",
      },
    ]);
  };

  const split = (candidate: Candidate, at: number) => {
    const first = doc.slice(candidate.start, at).trimEnd();
    const second = doc.slice(at, candidate.end);
    const firstEnd = candidate.start + first.length;
    setCandidates((list) => [
      ...list.filter((c) => c.key !== candidate.key),
      {
        ...candidate,
        key: nextKey(),
        end: firstEnd,
        text: squash(first),
        title: titleFromText(squash(first)),
        state: "accepted",
        why: "Split from a proposal.",
      },
      {
        ...candidate,
        key: nextKey(),
        start: at,
        text: squash(second),
        title: titleFromText(squash(second)),
        state: "accepted",
        why: "Split from a proposal.",
      },
    ]);
    setSplitting(null);
  };

  const addSelection = () => {
    if (!selection) return;
    const overlap = candidates.find(
      (c) => c.state !== "rejected" && c.start < selection.end && selection.start < c.end,
    );
    if (overlap) {
      setNotice(`The selection overlaps “${overlap.title}”: reject or split that one first.`);
      return;
    }
    const text = squash(doc.slice(selection.start, selection.end));
    const key = nextKey();
    setCandidates((list) => [
      ...list,
      {
        key,
        start: selection.start,
        end: selection.end,
        title: titleFromText(text),
        text,
        state: "accepted",
        why: "Selected by you.",
      },
    ]);
    const section = sectionOf(selection.start);
    if (!section.isIncluded)
      setSections((list) => list.map((s) => (s.key === section.key ? { ...s, isIncluded: true } : s)));
    setNotice("Added the selected passage as a recommendation.");
    window.getSelection()?.removeAllRanges();
    requestAnimationFrame(() => document.getElementById(`card-${key}`)?.scrollIntoView({ block: "nearest" }));
  };

  const mergeSection = (section: Section, direction: "previous" | "next") => {
    const index = sorted.findIndex((s) => s.key === section.key);
    const other = sorted[direction === "previous" ? index - 1 : index + 1];
    if (!other) return;
    // The merged section keeps the other's title and spans both.
    setSections((list) =>
      list
        .filter((s) => s.key !== section.key)
        .map((s) =>
          s.key === other.key ? { ...s, start: Math.min(s.start, section.start), isIncluded: true } : s,
        ),
    );
  };

  const payload = useMemo(() => {
    const kept = sorted.filter((s) => accepted.some((c) => sectionOf(c.start).key === s.key));
    return JSON.stringify({
      name,
      document: { title: docTitle, fileName: proposal.fileName, mimeType: proposal.mimeType, content: doc },
      sections: kept.map((s) => ({ title: s.title })),
      recommendations: accepted.map((c) => ({
        title: c.title,
        text: c.text,
        sourcePassage: doc.slice(c.start, c.end),
        sourceStart: c.start,
        sourceEnd: c.end,
        sectionIndex: kept.findIndex((s) => s.key === sectionOf(c.start).key),
      })),
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, docTitle, sorted, accepted, doc, proposal.fileName, proposal.mimeType]);

  // The document with the live candidates highlighted in place.
  const segments = useMemo(() => {
    const out: { text: string; candidate?: Candidate }[] = [];
    let cursor = 0;
    for (const c of ordered) {
      if (c.state === "rejected" || c.start < cursor) continue;
      if (c.start > cursor) out.push({ text: doc.slice(cursor, c.start) });
      out.push({ text: doc.slice(c.start, c.end), candidate: c });
      cursor = c.end;
    }
    if (cursor < doc.length) out.push({ text: doc.slice(cursor) });
    return out;
  }, [ordered, doc]);

  return (
    <div className="mt-6 space-y-6">
      <section
        aria-labelledby={`${id}-sections`}
        className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200"
      >
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id={`${id}-sections`} className="font-semibold">
            Sections
          </h2>
          <button type="button" onClick={onRestart} className="text-sm text-indigo-700 hover:underline">
            Start over with another document
          </button>
        </div>
        <p className="mt-1 text-sm text-zinc-600">
          Proposed from the document&apos;s headings. Framing sections (introduction, conclusion…) start left
          out; include, rename or merge them as you need.
        </p>
        <ol className="mt-3 space-y-2">
          {sorted.map((section, index) => {
            const count = accepted.filter((c) => sectionOf(c.start).key === section.key).length;
            return (
              <li key={section.key} className="flex flex-wrap items-center gap-2" data-testid="section-row">
                <label className="flex items-center gap-1.5 text-sm">
                  <input
                    type="checkbox"
                    checked={section.isIncluded}
                    aria-label={`Include section “${section.title}”`}
                    onChange={(event) =>
                      setSections((list) =>
                        list.map((s) =>
                          s.key === section.key ? { ...s, isIncluded: event.target.checked } : s,
                        ),
                      )
                    }
                  />
                </label>
                <input
                  value={section.title}
                  aria-label={`Title of section ${index + 1}`}
                  onChange={(event) =>
                    setSections((list) =>
                      list.map((s) => (s.key === section.key ? { ...s, title: event.target.value } : s)),
                    )
                  }
                  className={cn(
                    inputClass,
                    "w-auto min-w-0 flex-1 sm:max-w-sm",
                    !section.isIncluded && "text-zinc-400",
                  )}
                />
                <span className="w-28 text-xs text-zinc-500 tabular-nums">{count} accepted</span>
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  disabled={index === 0 && sorted.length < 2}
                  onClick={() => mergeSection(section, index === 0 ? "next" : "previous")}
                  aria-label={`Merge “${section.title}” into the ${index === 0 ? "next" : "previous"} section`}
                >
                  <Merge aria-hidden className="size-4" />{" "}
                  {index === 0 ? "Merge into next" : "Merge into previous"}
                </Button>
              </li>
            );
          })}
        </ol>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby={`${id}-doc`} className="rounded-xl bg-white shadow-sm ring-1 ring-zinc-200">
          <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-4 py-3">
            <h2 id={`${id}-doc`} className="font-semibold">
              Document
            </h2>
            <Button type="button" size="sm" variant="secondary" disabled={!selection} onClick={addSelection}>
              <Plus aria-hidden className="size-4" /> Add selection as recommendation
            </Button>
          </div>
          <p className="px-4 pt-2 text-xs text-zinc-500" aria-live="polite">
            {notice ??
              "Select any passage to make a recommendation from it. Yellow: proposed; green: accepted."}
          </p>
          <div
            ref={docRef}
            data-testid="review-document"
            className="max-h-[70vh] overflow-y-auto px-4 py-3 font-serif text-[15px] leading-7 whitespace-pre-wrap text-zinc-800"
          >
            {segments.map((segment, index) =>
              segment.candidate ? (
                <mark
                  key={segment.candidate.key}
                  data-candidate={segment.candidate.key}
                  title={segment.candidate.why}
                  onClick={() =>
                    document
                      .getElementById(`card-${segment.candidate!.key}`)
                      ?.scrollIntoView({ block: "nearest", behavior: "smooth" })
                  }
                  className={cn(
                    "cursor-pointer rounded-sm text-inherit",
                    !isLive(segment.candidate)
                      ? "bg-zinc-100"
                      : segment.candidate.state === "accepted"
                        ? "bg-green-100"
                        : "bg-amber-100",
                  )}
                >
                  {segment.text}
                </mark>
              ) : (
                <span key={index}>{segment.text}</span>
              ),
            )}
          </div>
        </section>

        <section
          aria-labelledby={`${id}-candidates`}
          className="rounded-xl bg-white shadow-sm ring-1 ring-zinc-200"
        >
          <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-4 py-3">
            <h2 id={`${id}-candidates`} className="font-semibold">
              Recommendations{" "}
              <span className="text-sm font-normal text-zinc-500" data-testid="review-counts">
                {accepted.length} accepted · {proposedCount} to review
              </span>
            </h2>
            <Button
              type="button"
              size="sm"
              variant="secondary"
              disabled={proposedCount === 0}
              onClick={() =>
                setCandidates((list) =>
                  list.map((c) =>
                    c.state === "proposed" && sectionOf(c.start).isIncluded ? { ...c, state: "accepted" } : c,
                  ),
                )
              }
            >
              <Check aria-hidden className="size-4" /> Accept all to review
            </Button>
          </div>
          <ol className="max-h-[70vh] divide-y divide-zinc-100 overflow-y-auto">
            {ordered.length === 0 ? (
              <li className="p-4 text-sm text-zinc-600">
                Nothing was proposed. Select passages in the document to add recommendations.
              </li>
            ) : null}
            {ordered.map((c, index) => {
              const section = sectionOf(c.start);
              const points = splitting === c.key ? splitPoints(doc, c.start, c.end) : [];
              return (
                <li
                  key={c.key}
                  id={`card-${c.key}`}
                  data-testid="candidate"
                  data-state={c.state}
                  data-start={c.start}
                  data-end={c.end}
                  className={cn(
                    "space-y-2 p-4",
                    (!section.isIncluded || c.state === "rejected") && "bg-zinc-50 opacity-70",
                  )}
                >
                  <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-zinc-500">
                    <span>
                      {index + 1}. {section.title}
                      {section.isIncluded ? "" : " (left out)"}
                    </span>
                    <span className="italic">{c.why}</span>
                  </div>
                  <input
                    value={c.title}
                    aria-label={`Title of recommendation ${index + 1}`}
                    onChange={(event) => update(c.key, { title: event.target.value })}
                    className={cn(inputClass, "font-medium")}
                  />
                  <textarea
                    value={c.text}
                    rows={3}
                    aria-label={`Text of recommendation ${index + 1}`}
                    onChange={(event) => update(c.key, { text: event.target.value })}
                    className={cn(inputClass, "text-[13px]")}
                  />
                  <div className="flex flex-wrap gap-1.5">
                    <Button
                      type="button"
                      size="sm"
                      variant={c.state === "accepted" ? "primary" : "secondary"}
                      aria-pressed={c.state === "accepted"}
                      onClick={() =>
                        update(c.key, { state: c.state === "accepted" ? "proposed" : "accepted" })
                      }
                    >
                      <Check aria-hidden className="size-4" />{" "}
                      {c.state === "accepted" ? "Accepted" : "Accept"}
                    </Button>
                    <Button
                      type="button"
                      size="sm"
                      variant="secondary"
                      aria-pressed={c.state === "rejected"}
                      onClick={() =>
                        update(c.key, { state: c.state === "rejected" ? "proposed" : "rejected" })
                      }
                    >
                      <X aria-hidden className="size-4" /> {c.state === "rejected" ? "Rejected" : "Reject"}
                    </Button>
                    <Button
                      type="button"
                      size="sm"
                      variant="ghost"
                      disabled={
                        c.state === "rejected" ||
                        !ordered.slice(index + 1).some((n) => n.state !== "rejected")
                      }
                      onClick={() => mergeWithNext(c)}
                    >
                      <Merge aria-hidden className="size-4" /> Merge with next
                    </Button>
                    <Button
                      type="button"
                      size="sm"
                      variant="ghost"
                      aria-expanded={splitting === c.key}
                      disabled={c.state === "rejected"}
                      onClick={() => setSplitting(splitting === c.key ? null : c.key)}
                    >
                      <Scissors aria-hidden className="size-4" /> Split…
                    </Button>
                  </div>
                  {splitting === c.key ? (
                    points.length === 0 ? (
                      <p className="text-xs text-zinc-600">
                        No sentence or clause break inside this passage. Reject it and select the parts
                        instead.
                      </p>
                    ) : (
                      <ul className="space-y-1 rounded-md bg-zinc-50 p-2 text-xs" aria-label="Split points">
                        {points.map((at) => (
                          <li key={at}>
                            <button
                              type="button"
                              onClick={() => split(c, at)}
                              className="text-left text-indigo-700 hover:underline"
                            >
                              Split before “{squash(doc.slice(at, at + 60))}…”
                            </button>
                          </li>
                        ))}
                      </ul>
                    )
                  ) : null}
                </li>
              );
            })}
          </ol>
        </section>
      </div>

      <section
        aria-labelledby={`${id}-create`}
        className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200"
      >
        <h2 id={`${id}-create`} className="font-semibold">
          Create the tracker
        </h2>
        <ActionForm
          action={createDocumentTrackerAction}
          schema={CreateDocumentTrackerSchema}
          submitLabel={`Create tracker with ${accepted.length} recommendations`}
          pendingLabel="Creating the tracker…"
          className="mt-3"
        >
          <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
          <input type="hidden" name="payload" value={payload} />
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="space-y-1.5">
              <label htmlFor={`${id}-name`} className="block text-sm font-medium">
                Tracker name
              </label>
              <input
                id={`${id}-name`}
                value={name}
                onChange={(e) => setName(e.target.value)}
                className={inputClass}
              />
            </div>
            <div className="space-y-1.5">
              <label htmlFor={`${id}-title`} className="block text-sm font-medium">
                Document title
              </label>
              <input
                id={`${id}-title`}
                value={docTitle}
                onChange={(e) => setDocTitle(e.target.value)}
                className={inputClass}
              />
            </div>
          </div>
          <PayloadErrors />
        </ActionForm>
      </section>
    </div>
  );
}

function PayloadErrors() {
  const { errors } = useFormState();
  const messages = errors.payload ?? [];
  if (messages.length === 0) return null;
  return (
    <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
      {messages.slice(0, 3).map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
