import { z } from "zod";
import { Id, WorkspaceRef } from "@/lib/validation";

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
