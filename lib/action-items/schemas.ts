import { z } from "zod";
import { BooleanString, Id, OptionalDate, OptionalText, Version, WorkspaceRef } from "@/lib/validation";

export const ActionTitleSchema = z.string().trim().min(2, "validation.actionTitleRequired").max(300);

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
