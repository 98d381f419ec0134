"use client";

import type { Dispatch } from "react";
import { Merge } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import {
  acceptedCandidates,
  sectionAt,
  sortedSections,
  type ReviewAction,
  type ReviewState,
} from "@/components/documents/document-wizard-state";
import { cn } from "@/lib/cn";

/** The proposed sections: include or leave out, rename, merge into a neighbour. */
export function ReviewSections({
  id,
  state,
  dispatch,
  onRestart,
}: {
  id: string;
  state: ReviewState;
  dispatch: Dispatch<ReviewAction>;
  onRestart: () => void;
}) {
  const t = useTranslations("documentsClient.sections");
  const sorted = sortedSections(state);
  const accepted = acceptedCandidates(state);
  return (
    <section aria-labelledby={id} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="font-semibold">
          {t("heading")}
        </h2>
        <button type="button" onClick={onRestart} className="text-sm text-indigo-700 hover:underline">
          {t("restart")}
        </button>
      </div>
      <p className="mt-1 text-sm text-zinc-600">{t("intro")}</p>
      <ol className="mt-3 space-y-2">
        {sorted.map((section, index) => {
          const count = accepted.filter((c) => sectionAt(state.sections, c.start).key === section.key).length;
          return (
            <li key={section.key} className="flex flex-wrap items-center gap-2" data-testid="section-row">
              <label className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  checked={section.isIncluded}
                  aria-label={t("include", { title: section.title })}
                  onChange={(event) =>
                    dispatch({ type: "sectionIncluded", key: section.key, isIncluded: event.target.checked })
                  }
                />
              </label>
              <input
                value={section.title}
                aria-label={t("titleOf", { number: index + 1 })}
                onChange={(event) =>
                  dispatch({ type: "sectionRenamed", key: section.key, title: event.target.value })
                }
                className={cn(
                  inputClass,
                  "w-auto min-w-0 flex-1 sm:max-w-sm",
                  !section.isIncluded && "text-zinc-400",
                )}
              />
              <span className="w-28 text-xs text-zinc-500 tabular-nums">{t("accepted", { count })}</span>
              <Button
                type="button"
                size="sm"
                variant="ghost"
                disabled={index === 0 && sorted.length < 2}
                onClick={() =>
                  dispatch({
                    type: "sectionMerged",
                    key: section.key,
                    direction: index === 0 ? "next" : "previous",
                  })
                }
                aria-label={
                  index === 0
                    ? t("mergeNextLabel", { title: section.title })
                    : t("mergePreviousLabel", { title: section.title })
                }
              >
                <Merge aria-hidden className="size-4" /> {index === 0 ? t("mergeNext") : t("mergePrevious")}
              </Button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
