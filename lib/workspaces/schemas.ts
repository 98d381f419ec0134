import { z } from "zod";
import { trimEndOf, trimStartOf } from "@/lib/text";
import { LOCALES } from "@/i18n/locales";

export const SlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "validation.workspaceSlugFormat");
// Reserved addresses are refused on the server, with the same answer as a taken one (lib/workspaces/rules.ts).

export const WorkspaceNameSchema = z.string().trim().min(2).max(80);

export const CreateWorkspaceSchema = z.object({ name: WorkspaceNameSchema, slug: SlugSchema });

export const RenameWorkspaceSchema = z.object({
  workspaceSlug: z.string().min(1),
  name: WorkspaceNameSchema,
});

export const DeleteWorkspaceSchema = z.object({
  workspaceSlug: z.string().min(1),
  confirmSlug: z.string().trim(),
});

/** The language of emails to members who have not chosen one (workspace settings). */
export const WorkspaceLanguageSchema = z.object({
  workspaceSlug: z.string().min(1),
  locale: z.enum(LOCALES, "validation.workspaceLanguageRequired"),
});

/** A URL slug suggested from a workspace name ("Coalition for Rights!" → "coalition-for-rights"). */
export function suggestSlug(name: string): string {
  const dashed = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-");
  return trimEndOf(trimEndOf(trimStartOf(dashed, "-"), "-").slice(0, 40), "-");
}
