import { z } from "zod";
import { STATUSES } from "@/lib/status";
import type { NotificationKind, RecommendationStatus } from "@/lib/generated/prisma/enums";
import { trimTo } from "@/lib/notifications/rules";

/**
 * What an inbox entry or an email says, in the reader's language. An entry stores its line as a catalogue
 * key and values (`Notification.summaryData`), and the sentence is built when it is shown, in the language of
 * whoever reads it (the inbox: the request's; an email: the recipient's). `Notification.summary` keeps the
 * English line as a fallback, and holds user text (a comment's words) as is: user content is never
 * translated. Entries written before summaryData existed have none and show their stored English line.
 */
const Status = z.enum(STATUSES);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const SummaryDataSchema = z.discriminatedUnion("key", [
  z.object({ key: z.literal("invitationAccepted"), name: z.string() }),
  z.object({
    key: z.literal("statusChanged"),
    from: Status.nullable(),
    to: Status,
    justification: z.string(),
  }),
  z.object({ key: z.literal("nowOwner") }),
  z.object({ key: z.literal("archived") }),
  z.object({ key: z.literal("evidenceAdded"), title: z.string() }),
  z.object({ key: z.literal("commentAdded") }),
  z.object({ key: z.literal("commentEdited") }),
  z.object({ key: z.literal("commentDeleted") }),
  z.object({ key: z.literal("actionAssigned"), title: z.string() }),
  z.object({ key: z.literal("actionDue"), title: z.string(), dueDate: Day, isOverdue: z.boolean() }),
  z.object({ key: z.literal("recommendationDue"), dueDate: Day, isOverdue: z.boolean() }),
]);

export type SummaryData = z.infer<typeof SummaryDataSchema>;

/** A line to store: a catalogue sentence, or user text shown as it is (a comment's words). */
export type Summary = SummaryData | { key: "text"; text: string };

/** User text inside a sentence is cut so the whole line stays short. */
const EXCERPT = 240;

export const summaries = {
  text: (text: string): Summary => ({ key: "text", text: trimTo(text, 280) }),
  statusChanged: (
    from: RecommendationStatus | null,
    to: RecommendationStatus,
    justification: string,
  ): Summary => ({ key: "statusChanged", from, to, justification: trimTo(justification, EXCERPT) }),
  evidenceAdded: (title: string): Summary => ({ key: "evidenceAdded", title: trimTo(title, EXCERPT) }),
  actionAssigned: (title: string): Summary => ({ key: "actionAssigned", title: trimTo(title, EXCERPT) }),
  actionDue: (title: string, dueDate: Date, isOverdue: boolean): Summary => ({
    key: "actionDue",
    title: trimTo(title, EXCERPT),
    dueDate: dueDate.toISOString().slice(0, 10),
    isOverdue,
  }),
};

/** The stored summaryData of a row, when it is one we can read (anything else falls back to `summary`). */
export function readSummaryData(value: unknown): SummaryData | null {
  if (value === null || value === undefined) return null;
  const parsed = SummaryDataSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * A translator bound to a namespace, loosely typed so the request's (getTranslations) and an email's
 * (translatorFor) both fit. Keys below are relative to "notifications" and "status".
 */
export type LooseTranslator = (key: string, values?: Record<string, string | number | Date>) => string;

export type NotificationTranslators = { t: LooseTranslator; status: LooseTranslator };

const day = (value: string) => new Date(`${value}T00:00:00Z`);

/**
 * The line of an entry in the reader's language. `fallback` is the stored `summary` (user text, or the
 * English of an entry that has no summaryData).
 */
// i18n-keys: notifications.summary.*, notifications.headline.*, notifications.someone
export function summaryText(
  { t, status }: NotificationTranslators,
  data: Summary | null,
  fallback: string,
): string {
  if (!data) return fallback;
  switch (data.key) {
    case "text":
      return data.text;
    case "invitationAccepted":
      return t("summary.invitationAccepted", { name: data.name });
    case "statusChanged": {
      const values = {
        from: data.from ? status(`${data.from}.label`) : "—",
        to: status(`${data.to}.label`),
      };
      return data.justification
        ? t("summary.statusChangedWithJustification", { ...values, justification: data.justification })
        : t("summary.statusChanged", values);
    }
    case "evidenceAdded":
    case "actionAssigned":
      return t(`summary.${data.key}`, { title: data.title });
    case "actionDue":
      return t(data.isOverdue ? "summary.actionOverdue" : "summary.actionDue", {
        title: data.title,
        dueDate: day(data.dueDate),
      });
    case "recommendationDue":
      return t(data.isOverdue ? "summary.recommendationOverdue" : "summary.recommendationDue", {
        dueDate: day(data.dueDate),
      });
    default:
      return t(`summary.${data.key}`);
  }
}

/** The first line of an entry or email: who did what. */
export function headlineText(
  { t }: NotificationTranslators,
  kind: NotificationKind,
  actorName: string | null,
): string {
  return t(`headline.${kind}`, { name: actorName ?? t("someone") });
}
