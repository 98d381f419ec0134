import { z } from "zod";
import { normalizeHttpUrl } from "@/lib/url";
import { CheckboxFlag, Id, OptionalDate, OptionalText, Version, WorkspaceRef } from "@/lib/validation";

export const SOURCE_TYPES = [
  "OFFICIAL_STATEMENT",
  "EXECUTIVE_ACTION",
  "LEGISLATION",
  "COURT_RULING",
  "UN_DOCUMENT",
  "NEWS",
  "NGO_REPORT",
  "OTHER",
] as const;

export const STANCES = ["PROGRESS", "SETBACK", "CONTEXT"] as const;

/** Only http(s) links, normalized; javascript:, data:, file: and the rest are refused. */
export const EvidenceUrlSchema = z
  .string()
  .trim()
  .min(1, "evidenceClient.validation.evidenceUrlRequired")
  .max(2000)
  .transform((value, ctx) => {
    const normalized = normalizeHttpUrl(value);
    if (!normalized) {
      ctx.addIssue({ code: "custom", message: "evidenceClient.validation.evidenceUrlInvalid" });
      return z.NEVER;
    }
    return normalized;
  });

const EvidenceFields = {
  url: EvidenceUrlSchema,
  title: z.string().trim().min(2, "evidenceClient.validation.evidenceTitleRequired").max(300),
  sourceType: z.enum(SOURCE_TYPES, "evidenceClient.validation.evidenceSourceTypeRequired"),
  publishedAt: OptionalDate,
  stance: z.enum(STANCES, "evidenceClient.validation.evidenceStanceRequired"),
  quote: OptionalText(2000),
  /** Shown on the public scorecard (off by default). */
  isPublic: CheckboxFlag,
};

export const CreateEvidenceSchema = z.object({ ...WorkspaceRef, recommendationId: Id, ...EvidenceFields });

export const UpdateEvidenceSchema = z.object({
  ...WorkspaceRef,
  evidenceId: Id,
  version: Version,
  ...EvidenceFields,
});

export const EvidenceRefSchema = z.object({ ...WorkspaceRef, evidenceId: Id });
