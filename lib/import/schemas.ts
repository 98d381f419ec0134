import { z } from "zod";
import { ColumnMappingSchema } from "@/lib/import/rows";
import { Id, WorkspaceRef } from "@/lib/validation";

const TrackerRef = { ...WorkspaceRef, trackerId: Id };

/** A JSON-encoded form field, parsed and then checked with `schema`. */
export const JsonField = <S extends z.ZodType>(schema: S) =>
  z
    .string()
    .transform((value, ctx) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "validation.importJsonInvalid" });
        return z.NEVER;
      }
    })
    .pipe(schema);

export const PreviewImportSchema = z.object({
  ...TrackerRef,
  uploadId: Id,
  mapping: JsonField(ColumnMappingSchema),
});

export const StartImportSchema = z.object({
  ...TrackerRef,
  uploadId: Id,
  mapping: JsonField(ColumnMappingSchema),
  isStrict: z.enum(["true", "false"]).transform((v) => v === "true"),
  defaultSection: z.string().trim().min(1, "importClient.validation.importDefaultSectionRequired").max(200),
});
