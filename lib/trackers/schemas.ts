import { z } from "zod";
import { OptionalText, WorkspaceRef } from "@/lib/validation";

export const CreateTrackerSchema = z.object({
  ...WorkspaceRef,
  name: z.string().trim().min(2, "Use at least 2 characters.").max(200),
  description: OptionalText(2000),
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
