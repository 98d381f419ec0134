import { z } from "zod";
import { STATUSES } from "@/lib/status";
import {
  BooleanString,
  Id,
  OptionalDate,
  OptionalText,
  StringList,
  Version,
  WorkspaceRef,
} from "@/lib/validation/common";

export const PRIORITIES = ["LOW", "MEDIUM", "HIGH"] as const;

export const TitleSchema = z
  .string()
  .trim()
  .min(3, "Use at least 3 characters.")
  .max(200, "Use at most 200 characters.");
export const TextSchema = z
  .string()
  .trim()
  .min(1, "Enter the recommendation's text.")
  .max(20_000, "The text is too long.");

export const TagsSchema = z
  .string()
  .max(1000)
  .transform((value) =>
    [
      ...new Set(
        value
          .split(",")
          .map((tag) => tag.trim().toLowerCase().replace(/\s+/g, "-"))
          .filter(Boolean),
      ),
    ].sort(),
  )
  .refine((tags) => tags.length <= 12, "Use at most 12 tags.")
  .refine((tags) => tags.every((tag) => tag.length <= 60), "A tag is at most 60 characters.");

const FieldBase = { ...WorkspaceRef, recommendationId: Id, version: Version };

/** One field edited in place; every edit carries the version it started from. */
export const UpdateFieldSchema = z.discriminatedUnion("field", [
  z.object({ ...FieldBase, field: z.literal("title"), value: TitleSchema }),
  z.object({ ...FieldBase, field: z.literal("text"), value: TextSchema }),
  z.object({ ...FieldBase, field: z.literal("targetActor"), value: OptionalText(120, "The target actor") }),
  z.object({
    ...FieldBase,
    field: z.literal("requiresLegislation"),
    value: z.enum(["", "true", "false"]).transform((v) => (v === "" ? null : v === "true")),
  }),
  z.object({
    ...FieldBase,
    field: z.literal("priority"),
    value: z.enum(["", ...PRIORITIES]).transform((v) => (v === "" ? null : v)),
  }),
  z.object({ ...FieldBase, field: z.literal("dueDate"), value: OptionalDate }),
  z.object({ ...FieldBase, field: z.literal("tags"), value: TagsSchema }),
  z.object({ ...FieldBase, field: z.literal("sectionId"), value: Id }),
]);
export type UpdateFieldInput = z.infer<typeof UpdateFieldSchema>;
export type EditableField = UpdateFieldInput["field"];

export const SetStatusSchema = z.object({
  ...FieldBase,
  status: z.enum(STATUSES, "Choose a status."),
  justification: z
    .string()
    .trim()
    .min(3, "Say briefly why the status changes.")
    .max(2000, "Keep the justification under 2,000 characters."),
  evidenceIds: StringList,
});

export const OwnerSchema = z.object({ ...WorkspaceRef, recommendationId: Id, userId: Id });

export const CreateRecommendationSchema = z.object({
  ...WorkspaceRef,
  trackerId: Id,
  sectionId: Id,
  title: TitleSchema,
  text: TextSchema,
});

export const RecommendationRefSchema = z.object({ ...WorkspaceRef, recommendationId: Id });
export const MoveSchema = z.object({ ...WorkspaceRef, id: Id, direction: z.enum(["up", "down"]) });
export const ArchiveSchema = z.object({ ...WorkspaceRef, id: Id, archived: BooleanString });
export const DeleteRecommendationSchema = z.object({
  ...WorkspaceRef,
  recommendationId: Id,
  confirm: z.literal("delete", "Type “delete” to confirm."),
});

export const ActionTitleSchema = z
  .string()
  .trim()
  .min(2, "Describe the action.")
  .max(300, "Use at most 300 characters.");
export const CreateActionItemSchema = z.object({
  ...WorkspaceRef,
  recommendationId: Id,
  title: ActionTitleSchema,
  ownerId: OptionalText(64),
  dueDate: OptionalDate,
});
export const UpdateActionItemSchema = z.object({
  ...WorkspaceRef,
  actionId: Id,
  version: Version,
  title: ActionTitleSchema,
  ownerId: OptionalText(64),
  dueDate: OptionalDate,
});
export const ToggleActionItemSchema = z.object({ ...WorkspaceRef, actionId: Id, done: BooleanString });
export const ActionItemRefSchema = z.object({ ...WorkspaceRef, actionId: Id });

export const CommentBodySchema = z
  .string()
  .trim()
  .min(1, "Write a comment.")
  .max(10_000, "Comments are at most 10,000 characters.");
export const CreateCommentSchema = z.object({
  ...WorkspaceRef,
  recommendationId: Id,
  body: CommentBodySchema,
});
export const EditCommentSchema = z.object({ ...WorkspaceRef, commentId: Id, body: CommentBodySchema });
export const CommentRefSchema = z.object({ ...WorkspaceRef, commentId: Id });

export const CreateSectionSchema = z.object({
  ...WorkspaceRef,
  trackerId: Id,
  title: z.string().trim().min(1, "Name the section.").max(200),
  description: OptionalText(2000, "The description"),
});
export const UpdateSectionSchema = z.object({
  ...WorkspaceRef,
  sectionId: Id,
  version: Version,
  title: z.string().trim().min(1, "Name the section.").max(200),
  description: OptionalText(2000, "The description"),
});

export const CreateTrackerSchema = z.object({
  ...WorkspaceRef,
  name: z.string().trim().min(2, "Use at least 2 characters.").max(200),
  description: OptionalText(2000, "The description"),
  sections: z
    .string()
    .max(10_000)
    .transform((value) =>
      value
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .refine((lines) => lines.length >= 1, "Add at least one section, one per line.")
    .refine((lines) => lines.length <= 100, "Use at most 100 sections.")
    .refine(
      (lines) => lines.every((line) => line.length <= 200),
      "A section title is at most 200 characters.",
    )
    .refine(
      (lines) => new Set(lines.map((line) => line.toLowerCase())).size === lines.length,
      "Each section needs its own name: two lines are the same.",
    ),
});
