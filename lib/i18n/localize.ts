import type { z } from "zod";
import type { ActionResult } from "@/lib/action-result";

/**
 * A translator over the whole catalogue (next-intl's `useTranslations()` / `getTranslations()` with no
 * namespace, or `createTranslator` for emails).
 */
export type RootTranslator = {
  (key: string, values?: Record<string, string | number | Date>): string;
  has: (key: string) => boolean;
};

/** Messages that travel as catalogue keys ("errors.notFound"): zod messages, DalErrors, action results. */
export function isMessageKey(message: string): boolean {
  return /^[a-zA-Z][\w-]*(\.[\w-]+)+$/.test(message);
}

/** A key becomes its text in the reader's language; text that is not a key (already translated) stays. */
export function localizeMessage(
  t: RootTranslator,
  message: string,
  values?: Record<string, string | number | Date>,
): string {
  return isMessageKey(message) && t.has(message) ? t(message, values) : message;
}

type Issue = z.core.$ZodIssue;

/**
 * A schema's message key: "validation.<name>", or "<namespace>.validation.<name>" for a form that only one
 * route shows (its messages go to the browser with that route's client namespace, e.g.
 * "evidenceClient.validation.evidenceUrlInvalid").
 */
const VALIDATION_KEY = /^(?:[A-Za-z]+\.)?validation\.[A-Za-z]+$/;

/**
 * One zod issue in the reader's language. Schemas give their messages as validation keys; a check
 * without one (zod's built-in English) gets the generic message for its code, so no English leaks.
 */
export function localizeIssue(t: RootTranslator, issue: Issue): string {
  const values: Record<string, number> = {};
  if ("minimum" in issue) values.min = Number(issue.minimum);
  if ("maximum" in issue) values.max = Number(issue.maximum);
  if (VALIDATION_KEY.test(issue.message) && t.has(issue.message)) return t(issue.message, values);
  const origin = "origin" in issue ? String(issue.origin) : "";
  switch (issue.code) {
    case "too_small":
      if (origin === "string")
        return values.min === 1 ? t("validation.required") : t("validation.tooShort", values);
      if (origin === "array" || origin === "set") return t("validation.tooFew", values);
      return t("validation.tooSmall", values);
    case "too_big":
      if (origin === "string") return t("validation.tooLong", values);
      if (origin === "array" || origin === "set") return t("validation.tooMany", values);
      return t("validation.tooBig", values);
    case "invalid_format":
      return issue.format === "email"
        ? t("validation.email")
        : issue.format === "url"
          ? t("validation.url")
          : t("validation.invalid");
    case "invalid_type":
      return issue.input === undefined ? t("validation.required") : t("validation.invalid");
    default:
      return t("validation.invalid");
  }
}

/** A zod error as a form's errors: one message per field, and the message for the form as a whole. */
export function localizeZodError(
  t: RootTranslator,
  error: z.ZodError,
): { formError: string; fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {};
  let formError: string | undefined;
  for (const issue of error.issues) {
    const message = localizeIssue(t, issue);
    const field = issue.path[0];
    if (field === undefined) formError ??= message;
    else (fieldErrors[String(field)] ??= []).push(message);
  }
  return { formError: formError ?? t("validation.correctFields"), fieldErrors };
}

/**
 * An action's result with every key in it (message, formError, fieldErrors) in the reader's language.
 * `values` fill the placeholders of formError and of the field errors alike.
 */
export function localizeResult<T>(t: RootTranslator, result: ActionResult<T>): ActionResult<T> {
  if (result.ok) return result.message ? { ...result, message: localizeMessage(t, result.message) } : result;
  return {
    ...result,
    formError:
      result.formError === undefined ? undefined : localizeMessage(t, result.formError, result.values),
    fieldErrors: result.fieldErrors
      ? Object.fromEntries(
          Object.entries(result.fieldErrors).map(([field, messages]) => [
            field,
            messages?.map((message) => localizeMessage(t, message, result.values)),
          ]),
        )
      : undefined,
  };
}
