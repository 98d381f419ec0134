import { z } from "zod";
import { Id, WorkspaceRef } from "@/lib/validation";

/** Publish the live tracker (source "live") or one of its snapshots (source = the snapshot's id). */
export const PublishSchema = z.object({
  ...WorkspaceRef,
  trackerId: Id,
  source: z.union([z.literal("live"), Id], "validation.publishSourceRequired"),
});

export const UnpublishSchema = z.object({ ...WorkspaceRef, trackerId: Id });
