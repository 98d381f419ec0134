import { z } from "zod";

/** Fields every workspace-scoped action carries. Ids are opaque strings: the DAL scopes them. */
export const Id = z.string().trim().min(1, "validation.missingId").max(64, "validation.missingId");

export const WorkspaceRef = { workspaceSlug: z.string().trim().min(1).max(64) };

export const Version = z.coerce.number().int().min(0);

/** An optional calendar date from an <input type="date"> ("" → null). */
export const OptionalDate = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : null))
  .refine(
    (value) => value === null || (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))),
    {
      message: "validation.date",
    },
  )
  .transform((value) => (value ? new Date(`${value}T00:00:00.000Z`) : null));

/** Optional trimmed text ("" → null). Too long gets the generic "at most {max} characters" message. */
export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : null));

/** A repeated form field (checkboxes) as a list. */
export const StringList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : value ? [value] : []));

/** A checkbox: present ("on", or "true" from scripts) is true, absent is false. */
export const CheckboxFlag = z
  .enum(["on", "true", "false"])
  .optional()
  .transform((value) => value === "on" || value === "true");

export const BooleanString = z.enum(["true", "false"]).transform((value) => value === "true");
