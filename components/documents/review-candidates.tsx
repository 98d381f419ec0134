"use client";

import { memo, useMemo, type Dispatch } from "react";
import { Check, CheckCheck, Merge, Scissors, Undo2, X } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import {
  acceptedCandidates,
  attributeNames,
  orderedCandidates,
  proposedCount,
  proposedReasons,
  sectionAt,
  splitPoints,
  type Candidate,
  type ReviewAction,
  type ReviewState,
} from "@/components/documents/document-wizard-state";
import { squashWhitespace } from "@/lib/documents/passages";
import { POSITION, RECOMMENDED_BY } from "@/lib/documents/un";
import { isMessageKey, localizeMessage, type RootTranslator } from "@/lib/i18n/localize";
import { cn } from "@/lib/cn";
import type en from "@/messages/en.json";

const listValue = (values: string[] | undefined) => (values ?? []).join(", ");
const parseList = (value: string) =>
  value
    .split(",")
    .map((v) => v.trim())
    .filter((v, i, all) => v !== "" || i === all.length - 1);

/** A proposal reason's label ("modal-should" → "Says what should be done"), in the reader's language. */
function useReasonLabel() {
  const t = useTranslations("documentsClient.candidates");
  // i18n-keys: documentsClient.candidates.reasons.*
  return (reason: string) => {
    const key =
      `reasons.${reason}` as `reasons.${keyof (typeof en)["documentsClient"]["candidates"]["reasons"]}`;
    return t.has(key) ? t(key) : reason;
  };
}

/**
 * Why a candidate was proposed. The extraction explains in English (with numbers and States from the
 * document); other languages show the translated reason instead. Reviewer-made candidates carry a key.
 */
export function useCandidateWhy() {
  const tRoot = useTranslations() as unknown as RootTranslator;
  const locale = useLocale();
  const reasonLabel = useReasonLabel();
  return (c: Pick<Candidate, "why" | "reason">) =>
    isMessageKey(c.why)
      ? localizeMessage(tRoot, c.why)
      : locale.startsWith("en")
        ? c.why
        : reasonLabel(c.reason);
}

/**
 * The proposed recommendations, grouped by section: accept a section at once, reject every proposal of one
 * reason, undo the last review action; per recommendation accept, reject, edit its title, text, number and
 * detected attributes (the columns "Recommended by", "Position"), merge with the next (across a page break
 * too), split at a sentence break.
 */
export function ReviewCandidates({
  id,
  state,
  dispatch,
  lang,
}: {
  id: string;
  state: ReviewState;
  dispatch: Dispatch<ReviewAction>;
  /** the document's language (BCP 47), when known: the passages are in it */
  lang?: string;
}) {
  const t = useTranslations("documentsClient.candidates");
  const reasonLabel = useReasonLabel();
  const ordered = orderedCandidates(state);
  const toReview = proposedCount(state);
  const reasons = proposedReasons(state);
  // a stable array while the column names stay the same, so memoized cards do not re-render
  const columnsKey = attributeNames(state).join("\u0000");
  const columns = useMemo(() => (columnsKey ? columnsKey.split("\u0000") : []), [columnsKey]);
  const hasNext = new Set<string>();
  for (let i = ordered.length - 1, seen = false; i >= 0; i--) {
    if (seen) hasNext.add(ordered[i]!.key);
    if (ordered[i]!.state !== "rejected") seen = true;
  }
  const sectionOf = ordered.map((c) => sectionAt(state.sections, c.start));
  return (
    <section aria-labelledby={id} className="rounded-xl bg-white shadow-sm ring-1 ring-zinc-200">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-4 py-3">
        <h2 id={id} className="font-semibold">
          {t("heading")}{" "}
          <span className="text-sm font-normal text-zinc-500" data-testid="review-counts">
            {t("counts", { accepted: acceptedCandidates(state).length, toReview })}
          </span>
        </h2>
        <div className="flex flex-wrap items-center gap-1.5">
          <Button
            type="button"
            size="sm"
            variant="ghost"
            disabled={state.past.length === 0}
            onClick={() => dispatch({ type: "undone" })}
          >
            <Undo2 aria-hidden className="size-4" /> {t("undo")}
          </Button>
          <label className="sr-only" htmlFor={`${id}-reject-reason`}>
            {t("rejectReasonLabel")}
          </label>
          <select
            id={`${id}-reject-reason`}
            value=""
            disabled={reasons.length === 0}
            onChange={(event) => {
              if (event.target.value) dispatch({ type: "reasonRejected", reason: event.target.value });
            }}
            className={cn(inputClass, "h-8 w-auto max-w-56 py-0 pe-8 text-sm")}
          >
            <option value="">{t("rejectReasonPlaceholder")}</option>
            {reasons.map((r) => (
              <option key={r.reason} value={r.reason}>
                {t("reasonCount", { reason: reasonLabel(r.reason), count: r.count })}
              </option>
            ))}
          </select>
          <Button
            type="button"
            size="sm"
            variant="secondary"
            disabled={toReview === 0}
            onClick={() => dispatch({ type: "acceptAllProposed" })}
          >
            <Check aria-hidden className="size-4" /> {t("acceptAll")}
          </Button>
        </div>
      </div>
      <ol className="max-h-[70vh] overflow-y-auto" data-testid="candidate-list">
        {ordered.length === 0 ? <li className="p-4 text-sm text-zinc-600">{t("empty")}</li> : null}
        {ordered.map((c, index) => {
          const section = sectionOf[index]!;
          const header =
            section.key !== sectionOf[index - 1]?.key ? (
              <li
                key={`section-${section.key}`}
                className="sticky top-0 z-10 flex items-center justify-between gap-2 border-y border-zinc-200 bg-zinc-50 px-4 py-1.5"
                data-testid="candidate-section"
              >
                <span className="truncate text-sm font-medium text-zinc-700">
                  <span lang={lang}>{section.title}</span>
                  {section.isIncluded ? "" : ` ${t("leftOut")}`}
                </span>
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  onClick={() => dispatch({ type: "sectionAccepted", key: section.key })}
                >
                  <CheckCheck aria-hidden className="size-4" /> {t("acceptSection")}
                </Button>
              </li>
            ) : null;
          return [
            header,
            <CandidateCard
              key={c.key}
              candidate={c}
              index={index}
              isIncluded={section.isIncluded}
              sectionTitle={section.title}
              columns={columns}
              canMerge={c.state !== "rejected" && hasNext.has(c.key)}
              points={state.splitting === c.key ? splitPoints(state.doc, c.start, c.end) : null}
              doc={state.splitting === c.key ? state.doc : null}
              dispatch={dispatch}
              lang={lang}
            />,
          ];
        })}
      </ol>
    </section>
  );
}

/** One recommendation. Memoized: typing in one card re-renders that card only (250 cards stay responsive). */
const CandidateCard = memo(function CandidateCard({
  candidate: c,
  index,
  isIncluded,
  sectionTitle,
  columns,
  canMerge,
  points,
  doc,
  dispatch,
  lang,
}: {
  lang?: string;
  candidate: Candidate;
  index: number;
  isIncluded: boolean;
  sectionTitle: string;
  columns: string[];
  canMerge: boolean;
  points: number[] | null;
  doc: string | null;
  dispatch: Dispatch<ReviewAction>;
}) {
  const t = useTranslations("documentsClient.candidates");
  const why = useCandidateWhy();
  return (
    <li
      id={`card-${c.key}`}
      data-testid="candidate"
      data-state={c.state}
      data-start={c.start}
      data-end={c.end}
      className={cn(
        "space-y-2 border-b border-zinc-100 p-4",
        (!isIncluded || c.state === "rejected") && "bg-zinc-50 opacity-70",
      )}
    >
      <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-zinc-500">
        <span>
          {t("position", { number: index + 1 })} <span lang={lang}>{sectionTitle}</span>
          {isIncluded ? "" : ` ${t("leftOut")}`}
        </span>
        <span className="italic">{why(c)}</span>
      </div>
      <div className="flex gap-2">
        {c.referenceId !== null ? (
          <input
            value={c.referenceId}
            aria-label={t("referenceOf", { number: index + 1 })}
            onChange={(event) =>
              dispatch({ type: "referenceEdited", key: c.key, referenceId: event.target.value })
            }
            className={cn(inputClass, "w-20 shrink-0 font-mono text-xs")}
          />
        ) : null}
        <input
          value={c.title}
          aria-label={t("titleOf", { number: index + 1 })}
          lang={lang}
          onChange={(event) => dispatch({ type: "candidateEdited", key: c.key, title: event.target.value })}
          className={cn(inputClass, "font-medium")}
        />
      </div>
      <textarea
        value={c.text}
        rows={3}
        aria-label={t("textOf", { number: index + 1 })}
        lang={lang}
        onChange={(event) => dispatch({ type: "candidateEdited", key: c.key, text: event.target.value })}
        className={cn(inputClass, "text-[13px]")}
      />
      {columns.length > 0 ? (
        <div className="grid gap-2 sm:grid-cols-2">
          {columns.map((name) => (
            <label key={name} className="block text-xs text-zinc-600">
              {name === RECOMMENDED_BY ? t("recommendedBy") : name === POSITION ? t("positionColumn") : name}
              <input
                value={listValue(c.attributes[name])}
                placeholder={name === RECOMMENDED_BY ? t("recommendedByPlaceholder") : t("notStated")}
                onChange={(event) =>
                  dispatch({
                    type: "attributeEdited",
                    key: c.key,
                    name,
                    values: parseList(event.target.value),
                  })
                }
                className={cn(inputClass, "mt-0.5 text-[13px]")}
              />
            </label>
          ))}
        </div>
      ) : null}
      {c.tags.length > 0 ? (
        <ul className="flex flex-wrap gap-1" aria-label={t("themes")}>
          {c.tags.map((tag) => (
            <li key={tag} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700">
              {tag}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap gap-1.5">
        <Button
          type="button"
          size="sm"
          variant={c.state === "accepted" ? "primary" : "secondary"}
          aria-pressed={c.state === "accepted"}
          onClick={() => dispatch({ type: "acceptToggled", key: c.key })}
        >
          <Check aria-hidden className="size-4" /> {c.state === "accepted" ? t("accepted") : t("accept")}
        </Button>
        <Button
          type="button"
          size="sm"
          variant="secondary"
          aria-pressed={c.state === "rejected"}
          onClick={() => dispatch({ type: "rejectToggled", key: c.key })}
        >
          <X aria-hidden className="size-4" /> {c.state === "rejected" ? t("rejected") : t("reject")}
        </Button>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          disabled={!canMerge}
          onClick={() => dispatch({ type: "mergedWithNext", key: c.key })}
        >
          <Merge aria-hidden className="size-4" /> {t("mergeNext")}
        </Button>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          aria-expanded={points !== null}
          disabled={c.state === "rejected"}
          onClick={() => dispatch({ type: "splittingToggled", key: c.key })}
        >
          <Scissors aria-hidden className="size-4" /> {t("split")}
        </Button>
      </div>
      {points !== null && doc !== null ? (
        points.length === 0 ? (
          <p className="text-xs text-zinc-600">{t("noSplitPoints")}</p>
        ) : (
          <ul className="space-y-1 rounded-md bg-zinc-50 p-2 text-xs" aria-label={t("splitPoints")}>
            {points.map((at) => (
              <li key={at}>
                <button
                  type="button"
                  onClick={() => dispatch({ type: "split", key: c.key, at })}
                  className="text-start text-indigo-700 hover:underline"
                >
                  {t("splitBefore", { passage: squashWhitespace(doc.slice(at, at + 60)) })}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </li>
  );
});
