import { z } from "zod";
import { MAX_CREATE_PAYLOAD_BYTES } from "@/lib/documents/limits";
import { JsonField } from "@/lib/import/schemas";
import { TrackerLanguageField } from "@/lib/trackers/schemas";
import { TextSchema, TitleSchema } from "@/lib/recommendations/schemas";
import { Id, WorkspaceRef } from "@/lib/validation";

/**
 * What the review screen sends to create a tracker: the analyzed document by its upload id (its text stays
 * on the server, stored with the upload), the sections, and the accepted recommendations as offsets into
 * that text. A recommendation's text is sent only when the reviewer edited it; null means "the passage".
 * The same schema runs in the browser and on the server; the server also checks every offset against the
 * stored text.
 */
export const DocumentTrackerSchema = z
  .object({
    name: z.string().trim().min(2, "documentsClient.validation.documentTrackerName").max(120),
    uploadId: Id,
    documentTitle: z.string().trim().min(1, "documentsClient.validation.documentTitleRequired").max(300),
    sections: z
      .array(
        z.object({
          title: z.string().trim().min(1, "documentsClient.validation.documentSectionTitleRequired").max(200),
        }),
      )
      .min(1, "documentsClient.validation.documentSectionsRequired")
      .max(300),
    recommendations: z
      .array(
        z.object({
          title: TitleSchema,
          text: TextSchema.nullable(),
          sourceStart: z.number().int().min(0),
          sourceEnd: z.number().int().min(1),
          sectionIndex: z.number().int().min(0),
          /** the document's number for it ("115.1"): the recommendation's reference id */
          referenceId: z
            .string()
            .trim()
            .max(40, "documentsClient.validation.documentReferenceTooLong")
            .nullish(),
          /** detected attributes by name ("Recommended by": States; "Position"): kept on the recommendation */
          attributes: z
            .record(
              z.string().trim().min(1).max(60),
              z
                .array(z.string().trim().min(1).max(200))
                .max(60, "documentsClient.validation.documentAttributeValuesTooMany"),
            )
            .refine(
              (value) => Object.keys(value).length <= 12,
              "documentsClient.validation.documentAttributesTooMany",
            )
            .optional(),
          tags: z
            .array(z.string().trim().min(1).max(60))
            .max(20, "documentsClient.validation.documentThemesTooMany")
            .optional(),
        }),
      )
      .min(1, "documentsClient.validation.documentAcceptOne")
      .max(5000, "documentsClient.validation.documentTooManyRecommendations"),
  })
  .superRefine((value, ctx) => {
    const references = new Set<string>();
    value.recommendations.forEach((rec, i) => {
      if (rec.referenceId) {
        if (references.has(rec.referenceId)) {
          ctx.addIssue({
            code: "custom",
            path: ["recommendations", i],
            message: "documentsClient.validation.documentDuplicateNumber",
          });
        }
        references.add(rec.referenceId);
      }
      if (rec.sectionIndex >= value.sections.length) {
        ctx.addIssue({
          code: "custom",
          path: ["recommendations", i],
          message: "documentsClient.validation.documentNoSection",
        });
      }
      if (rec.sourceEnd <= rec.sourceStart) {
        ctx.addIssue({
          code: "custom",
          path: ["recommendations", i],
          message: "documentsClient.validation.documentPassageEmpty",
        });
      }
    });
  });

export type DocumentTrackerInput = z.infer<typeof DocumentTrackerSchema>;

export const CreateDocumentTrackerSchema = z.object({
  ...WorkspaceRef,
  language: TrackerLanguageField,
  payload: z
    .string()
    .refine(
      (value) => new TextEncoder().encode(value).byteLength <= MAX_CREATE_PAYLOAD_BYTES,
      "documentsClient.validation.documentPayloadTooLarge",
    )
    .pipe(JsonField(DocumentTrackerSchema)),
});
