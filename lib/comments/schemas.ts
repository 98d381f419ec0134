import { z } from "zod";
import { Id, WorkspaceRef } from "@/lib/validation";

export const CommentBodySchema = z.string().trim().min(1, "validation.commentEmpty").max(10_000);

export const CreateCommentSchema = z.object({
  ...WorkspaceRef,
  recommendationId: Id,
  body: CommentBodySchema,
});

export const EditCommentSchema = z.object({ ...WorkspaceRef, commentId: Id, body: CommentBodySchema });

export const CommentRefSchema = z.object({ ...WorkspaceRef, commentId: Id });
