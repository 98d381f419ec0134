import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getTranslations } from "next-intl/server";
import { failure, type ActionResult } from "@/lib/action-result";
import { localizeResult, localizeZodError, type RootTranslator } from "@/lib/i18n/localize";
import { DalError, type Refusal } from "@/lib/server/errors";
import { db } from "@/lib/server/db";
import { recordEvent } from "@/lib/server/events";

/** Form data as a plain object of strings; a repeated key (checkboxes) becomes a list. */
export function formToObject(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const existing = out[key];
    out[key] =
      existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

/**
 * Parse → run → map errors. Expected DAL errors become messages; anything else is logged on the
 * server and reported as a generic failure, so no stack trace or SQL reaches the browser. Every message
 * in the result that is a catalogue key is translated here, in the language of the request.
 */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  run: (data: z.infer<S>) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const t = (await getTranslations()) as unknown as RootTranslator;
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, ...localizeZodError(t, parsed.error) };
  try {
    return localizeResult(t, await run(parsed.data));
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof DalError) {
      if (error.refusal) await auditRefusal(error.refusal);
      return localizeResult(t, {
        ok: false,
        formError: error.message,
        values: error.values,
        fieldErrors: error.fieldErrors,
        conflict: error.conflict,
        code: error.code,
      });
    }
    console.error("[action] unexpected error", error);
    return failure(t("errors.unexpected"));
  }
}

/** Writes a refused call to the audit log (the mutation itself rolled back). Never fails the answer. */
async function auditRefusal(refusal: Refusal): Promise<void> {
  try {
    await db.$transaction((tx) =>
      recordEvent(tx, {
        type: "access.refused",
        actorId: refusal.userId,
        workspaceId: refusal.workspaceId,
        data: {
          workspaceSlug: refusal.workspaceSlug,
          permission: refusal.permission,
          reason: refusal.reason,
        },
      }),
    );
  } catch (error) {
    console.error("[action] could not audit a refused call", error);
  }
}
