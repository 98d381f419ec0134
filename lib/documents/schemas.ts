import { z } from "zod";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/limits";
import { JsonField } from "@/lib/import/schemas";
import { TextSchema, TitleSchema } from "@/lib/recommendations/schemas";
import { WorkspaceRef } from "@/lib/validation";

export const AnalyzeDocumentSchema = z.object({
  ...WorkspaceRef,
  source: z.enum(["paste", "file"]),
  text: z.string().max(MAX_DOCUMENT_BYTES, "The text is larger than 10 MB.").optional(),
});

/**
 * What the review screen sends to create a tracker: the document, its sections, and the accepted
 * recommendations, each with the exact passage it came from. The same schema runs in the browser and on the
 * server; the server also checks that every passage is the document's text at its offsets.
 */
export const DocumentTrackerSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(2, "Name the tracker (2 characters at least).")
      .max(120, "Use at most 120 characters."),
    document: z.object({
      title: z.string().trim().min(1, "Give the document a title.").max(300),
      fileName: z.string().max(255).nullable(),
      mimeType: z.string().max(120),
      content: z.string().min(1).max(MAX_DOCUMENT_BYTES),
    }),
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
          text: TextSchema,
          sourcePassage: z.string().min(1).max(20_000),
          sourceStart: z.number().int().min(0),
          sourceEnd: z.number().int().min(1),
          sectionIndex: z.number().int().min(0),
        }),
      )
      .min(1, "Accept at least one recommendation.")
      .max(5000, "At most 5,000 recommendations at once."),
  })
  .superRefine((value, ctx) => {
    value.recommendations.forEach((rec, i) => {
      if (rec.sectionIndex >= value.sections.length) {
        ctx.addIssue({
          code: "custom",
          path: ["recommendations", i],
          message: `Recommendation ${i + 1} has no section.`,
        });
      }
      if (
        rec.sourceEnd <= rec.sourceStart ||
        value.document.content.slice(rec.sourceStart, rec.sourceEnd) !== rec.sourcePassage
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["recommendations", i],
          message: `The source passage of “${rec.title}” does not match the document.`,
        });
      }
    });
  });

export type DocumentTrackerInput = z.infer<typeof DocumentTrackerSchema>;

export const CreateDocumentTrackerSchema = z.object({
  ...WorkspaceRef,
  payload: JsonField(DocumentTrackerSchema),
});
