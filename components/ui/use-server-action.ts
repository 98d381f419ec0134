"use client";

import { useState, useTransition } from "react";
import { unstable_rethrow } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { initialActionState, type ActionResult } from "@/lib/action-result";

/** A server action as every feature's actions.ts exports it. */
export type ServerAction<T> = (state: ActionResult<T>, form: FormData) => Promise<ActionResult<T>>;

export type ActionSuccess<T> = Extract<ActionResult<T>, { ok: true }>;
export type ActionFailure<T> = Extract<ActionResult<T>, { ok: false }>;

type Callbacks<T> = {
  onSuccess?: (result: ActionSuccess<T>) => void;
  onFailure?: (result: ActionFailure<T>) => void;
};

export type UseServerActionOptions<T> = Callbacks<T> & {
  /**
   * Where failures show. "toast" (buttons, the default): every failure is a toast. "inline" (forms): field
   * errors and stale-edit conflicts are shown beside the fields, so only an error that belongs to no
   * field is toasted.
   */
  errors?: "toast" | "inline";
  /** false: no toasts at all; the caller shows the outcome itself (a wizard's step). */
  notify?: boolean;
};

export type RunOptions<T> = Callbacks<T> & {
  /** Runs first, inside the same transition: the place to call a useOptimistic setter. */
  optimistic?: () => void;
};

function toFormData(values: FormData | Record<string, string>): FormData {
  if (values instanceof FormData) return values;
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) form.set(key, value);
  return form;
}

/**
 * The one way client code calls a server action: a pending state, the last result, a toast after it,
 * a message when the connection fails, and an optional optimistic update in the same transition.
 * `run` resolves with the ActionResult (so callers can use `result.data`). The callbacks run inside the
 * transition, so what they change appears together with the data the action revalidated. When the action
 * redirects, Next navigates and the promise does not settle.
 */
export function useServerAction<T = null>(action: ServerAction<T>, options: UseServerActionOptions<T> = {}) {
  const t = useTranslations("errors");
  const [isPending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<T> | null>(null);

  const run = (values: FormData | Record<string, string>, runOptions: RunOptions<T> = {}) =>
    new Promise<ActionResult<T>>((resolve) => {
      startTransition(async () => {
        runOptions.optimistic?.();
        let outcome: ActionResult<T>;
        try {
          outcome = await action(initialActionState as ActionResult<T>, toFormData(values));
        } catch (error) {
          // redirect() or notFound() from the action: Next's router handles it (as with useActionState).
          unstable_rethrow(error);
          outcome = { ok: false, formError: t("connectionFailed") };
        }
        // State set after an await must be marked as part of the transition again.
        startTransition(() => {
          setResult(outcome);
          const notify = options.notify ?? true;
          if (outcome.ok) {
            if (outcome.message && notify) toast.success(outcome.message);
            options.onSuccess?.(outcome);
            runOptions.onSuccess?.(outcome);
          } else {
            const isShownInline = options.errors === "inline" && (outcome.fieldErrors || outcome.conflict);
            if (!isShownInline && notify) {
              const message = outcome.formError ?? (options.errors === "inline" ? null : t("couldNotSave"));
              if (message) toast.error(message);
            }
            options.onFailure?.(outcome);
            runOptions.onFailure?.(outcome);
          }
        });
        resolve(outcome);
      });
    });

  return { run, isPending, result };
}
