"use client";

import type { Dispatch } from "react";
import { Check, Merge, Scissors, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import {
  acceptedCandidates,
  orderedCandidates,
  proposedCount,
  sectionAt,
  splitPoints,
  type ReviewAction,
  type ReviewState,
} from "@/components/documents/document-wizard-state";
import { squashWhitespace } from "@/lib/documents/passages";
import { cn } from "@/lib/cn";

/** The proposed recommendations: accept, reject, edit, merge with the next, split at a sentence break. */
export function ReviewCandidates({
  id,
  state,
  dispatch,
}: {
  id: string;
  state: ReviewState;
  dispatch: Dispatch<ReviewAction>;
}) {
  const ordered = orderedCandidates(state);
  const toReview = proposedCount(state);
  return (
    <section aria-labelledby={id} className="rounded-xl bg-white shadow-sm ring-1 ring-zinc-200">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-4 py-3">
        <h2 id={id} className="font-semibold">
          Recommendations{" "}
          <span className="text-sm font-normal text-zinc-500" data-testid="review-counts">
            {acceptedCandidates(state).length} accepted · {toReview} to review
          </span>
        </h2>
        <Button
          type="button"
          size="sm"
          variant="secondary"
          disabled={toReview === 0}
          onClick={() => dispatch({ type: "acceptAllProposed" })}
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
          const section = sectionAt(state.sections, c.start);
          const points = state.splitting === c.key ? splitPoints(state.doc, c.start, c.end) : [];
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
                onChange={(event) =>
                  dispatch({ type: "candidateEdited", key: c.key, title: event.target.value })
                }
                className={cn(inputClass, "font-medium")}
              />
              <textarea
                value={c.text}
                rows={3}
                aria-label={`Text of recommendation ${index + 1}`}
                onChange={(event) =>
                  dispatch({ type: "candidateEdited", key: c.key, text: event.target.value })
                }
                className={cn(inputClass, "text-[13px]")}
              />
              <div className="flex flex-wrap gap-1.5">
                <Button
                  type="button"
                  size="sm"
                  variant={c.state === "accepted" ? "primary" : "secondary"}
                  aria-pressed={c.state === "accepted"}
                  onClick={() => dispatch({ type: "acceptToggled", key: c.key })}
                >
                  <Check aria-hidden className="size-4" /> {c.state === "accepted" ? "Accepted" : "Accept"}
                </Button>
                <Button
                  type="button"
                  size="sm"
                  variant="secondary"
                  aria-pressed={c.state === "rejected"}
                  onClick={() => dispatch({ type: "rejectToggled", key: c.key })}
                >
                  <X aria-hidden className="size-4" /> {c.state === "rejected" ? "Rejected" : "Reject"}
                </Button>
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  disabled={
                    c.state === "rejected" || !ordered.slice(index + 1).some((n) => n.state !== "rejected")
                  }
                  onClick={() => dispatch({ type: "mergedWithNext", key: c.key })}
                >
                  <Merge aria-hidden className="size-4" /> Merge with next
                </Button>
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  aria-expanded={state.splitting === c.key}
                  disabled={c.state === "rejected"}
                  onClick={() => dispatch({ type: "splittingToggled", key: c.key })}
                >
                  <Scissors aria-hidden className="size-4" /> Split…
                </Button>
              </div>
              {state.splitting === c.key ? (
                points.length === 0 ? (
                  <p className="text-xs text-zinc-600">
                    No sentence or clause break inside this passage. Reject it and select the parts instead.
                  </p>
                ) : (
                  <ul className="space-y-1 rounded-md bg-zinc-50 p-2 text-xs" aria-label="Split points">
                    {points.map((at) => (
                      <li key={at}>
                        <button
                          type="button"
                          onClick={() => dispatch({ type: "split", key: c.key, at })}
                          className="text-left text-indigo-700 hover:underline"
                        >
                          Split before “{squashWhitespace(state.doc.slice(at, at + 60))}…”
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
  );
}
