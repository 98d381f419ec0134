import { z } from "zod";
import { Id, OptionalText, Version, WorkspaceRef } from "@/lib/validation";

export const CreateSectionSchema = z.object({
  ...WorkspaceRef,
  trackerId: Id,
  title: z.string().trim().min(1, "validation.sectionTitleRequired").max(200),
  description: OptionalText(2000),
});

export const UpdateSectionSchema = z.object({
  ...WorkspaceRef,
  sectionId: Id,
  version: Version,
  title: z.string().trim().min(1, "validation.sectionTitleRequired").max(200),
  description: OptionalText(2000),
});
