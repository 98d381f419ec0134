import { z } from "zod";
import { MAX_CREATE_PAYLOAD_BYTES } from "@/lib/documents/limits";
import { JsonField } from "@/lib/import/schemas";
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
    name: z
      .string()
      .trim()
      .min(2, "Name the tracker (2 characters at least).")
      .max(120, "Use at most 120 characters."),
    uploadId: Id,
    documentTitle: z.string().trim().min(1, "Give the document a title.").max(300),
    sections: z
      .array(
        z.object({
          title: z.string().trim().min(1, "Name every section.").max(200, "A section title is too long."),
        }),
      )
      .min(1, "Keep at least one section.")
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
          referenceId: z.string().trim().max(40, "A paragraph number is at most 40 characters.").nullish(),
          /** detected attributes by name ("Recommended by": States; "Position"): kept on the recommendation */
          attributes: z
            .record(
              z.string().trim().min(1).max(60),
              z.array(z.string().trim().min(1).max(200)).max(60, "At most 60 values per attribute."),
            )
            .refine((value) => Object.keys(value).length <= 12, "At most 12 attributes per recommendation.")
            .optional(),
          tags: z
            .array(z.string().trim().min(1).max(60))
            .max(20, "At most 20 themes per recommendation.")
            .optional(),
        }),
      )
      .min(1, "Accept at least one recommendation.")
      .max(5000, "At most 5,000 recommendations at once."),
  })
  .superRefine((value, ctx) => {
    const references = new Set<string>();
    value.recommendations.forEach((rec, i) => {
      if (rec.referenceId) {
        if (references.has(rec.referenceId)) {
          ctx.addIssue({
            code: "custom",
            path: ["recommendations", i],
            message: `Two recommendations have the number ${rec.referenceId}: give each its own.`,
          });
        }
        references.add(rec.referenceId);
      }
      if (rec.sectionIndex >= value.sections.length) {
        ctx.addIssue({
          code: "custom",
          path: ["recommendations", i],
          message: `Recommendation ${i + 1} has no section.`,
        });
      }
      if (rec.sourceEnd <= rec.sourceStart) {
        ctx.addIssue({
          code: "custom",
          path: ["recommendations", i],
          message: `The source passage of “${rec.title}” is empty.`,
        });
      }
    });
  });

export type DocumentTrackerInput = z.infer<typeof DocumentTrackerSchema>;

export const CreateDocumentTrackerSchema = z.object({
  ...WorkspaceRef,
  payload: z
    .string()
    .refine(
      (value) => new TextEncoder().encode(value).byteLength <= MAX_CREATE_PAYLOAD_BYTES,
      "Too much to send at once: create the tracker with fewer recommendations (or fewer edited texts) and add the rest on its page.",
    )
    .pipe(JsonField(DocumentTrackerSchema)),
});
