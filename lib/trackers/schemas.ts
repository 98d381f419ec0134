import { z } from "zod";
import { Id, OptionalText, WorkspaceRef } from "@/lib/validation";

/**
 * The content languages a tracker may declare: the UN's six official languages and Portuguese, as BCP 47
 * tags. Their names come from `Intl.DisplayNames` in the reader's language (components/trackers/
 * tracker-language-form.tsx); "" in a form means "not declared".
 */
export const TRACKER_LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es", "pt"] as const;
export type TrackerLanguage = (typeof TRACKER_LANGUAGES)[number];

/** A language choice from a select: one of the list, or "" (not declared) → null. */
export const TrackerLanguageField = z
  .union([z.enum(TRACKER_LANGUAGES), z.literal("")])
  .optional()
  .transform((value) => (value ? value : null));

export const CreateTrackerSchema = z.object({
  ...WorkspaceRef,
  name: z.string().trim().min(2).max(200),
  description: OptionalText(2000),
  language: TrackerLanguageField,
  sections: z
    .string()
    .max(10_000)
    .transform((value) =>
      value
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .refine((lines) => lines.length >= 1, "validation.trackerSectionsRequired")
    .refine((lines) => lines.length <= 100, "validation.trackerSectionsTooMany")
    .refine((lines) => lines.every((line) => line.length <= 200), "validation.trackerSectionTooLong")
    .refine(
      (lines) => new Set(lines.map((line) => line.toLowerCase())).size === lines.length,
      "validation.trackerSectionsDuplicate",
    ),
});

export const SetTrackerLanguageSchema = z.object({
  ...WorkspaceRef,
  trackerId: Id,
  language: TrackerLanguageField,
});
