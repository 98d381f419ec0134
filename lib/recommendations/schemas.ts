import { z } from "zod";
import { STATUSES } from "@/lib/status";
import {
  BooleanString,
  CheckboxFlag,
  Id,
  OptionalDate,
  OptionalText,
  StringList,
  Version,
  WorkspaceRef,
} from "@/lib/validation";

export const PRIORITIES = ["LOW", "MEDIUM", "HIGH"] as const;

export const TitleSchema = z.string().trim().min(3).max(200);

export const TextSchema = z.string().trim().min(1, "validation.recommendationTextRequired").max(20_000);

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
  .refine((tags) => tags.length <= 12, "validation.recommendationTagsTooMany")
  .refine((tags) => tags.every((tag) => tag.length <= 60), "validation.recommendationTagTooLong");

const FieldBase = { ...WorkspaceRef, recommendationId: Id, version: Version };

/** One field edited in place; every edit carries the version it started from. */
export const UpdateFieldSchema = z.discriminatedUnion("field", [
  z.object({ ...FieldBase, field: z.literal("title"), value: TitleSchema }),
  z.object({ ...FieldBase, field: z.literal("text"), value: TextSchema }),
  z.object({ ...FieldBase, field: z.literal("targetActor"), value: OptionalText(120) }),
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
  status: z.enum(STATUSES, "validation.recommendationStatusRequired"),
  justification: z.string().trim().min(3, "validation.recommendationJustificationRequired").max(2000),
  /** Opt-in: show the justification on the public scorecard. Unticked, it is for the team only. */
  isPublic: CheckboxFlag,
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
  confirm: z.literal("delete", "validation.recommendationConfirmDelete"),
});
