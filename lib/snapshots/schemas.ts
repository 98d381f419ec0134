import { z } from "zod";
import { Id, OptionalDate, WorkspaceRef } from "@/lib/validation";

export const CreateSnapshotSchema = z.object({
  ...WorkspaceRef,
  trackerId: Id,
  name: z.string().trim().min(3).max(120),
  /** Empty: as of now. A past day: as of the end of that day (UTC), read from the status history. */
  asOf: OptionalDate.refine(
    (date) => date === null || date.getTime() <= Date.now(),
    "validation.snapshotDateFuture",
  ),
});

export type CreateSnapshotInput = z.infer<typeof CreateSnapshotSchema>;

/** Compare view: two snapshot ids, or a snapshot id and "now". */
export const CompareQuerySchema = z.object({
  from: Id,
  to: z.union([z.literal("now"), Id]),
});
