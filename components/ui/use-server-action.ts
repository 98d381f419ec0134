"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { initialActionState, type ActionResult } from "@/lib/action-result";

type Action<T> = (state: ActionResult<T>, form: FormData) => Promise<ActionResult<T>>;

/**
 * Calls a server action from a button or checkbox (no form): pending state, a message after it, an
 * optional optimistic update run inside the same transition, and the result as a promise for callers
 * that go on from it (a wizard's next step). `notify: false` leaves messages to the caller (no toasts).
 */
export function useServerAction<T = null>(action: Action<T>, hookOptions: { notify?: boolean } = {}) {
  const [isPending, startTransition] = useTransition();
  const notify = hookOptions.notify ?? true;
  const run = (
    values: Record<string, string>,
    options?: { optimistic?: () => void; onDone?: (result: ActionResult<T>) => void },
  ): Promise<ActionResult<T>> =>
    new Promise((resolve) => {
      startTransition(async () => {
        options?.optimistic?.();
        const form = new FormData();
        for (const [key, value] of Object.entries(values)) form.set(key, value);
        let result: ActionResult<T>;
        try {
          result = await action(initialActionState as ActionResult<T>, form);
        } catch {
          result = { ok: false, formError: "The connection failed. Nothing was saved; try again." };
        }
        if (notify) {
          if (result.ok) {
            if (result.message) toast.success(result.message);
          } else {
            toast.error(result.formError ?? "Could not save.");
          }
        }
        options?.onDone?.(result);
        resolve(result);
      });
    });
  return { run, isPending };
}
