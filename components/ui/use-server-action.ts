"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { initialActionState, type ActionResult } from "@/lib/action-result";

type Action = (state: ActionResult, form: FormData) => Promise<ActionResult>;

/**
 * Calls a server action from a button or checkbox (no form): pending state, a message after it,
 * and an optional optimistic update run inside the same transition.
 */
export function useServerAction(action: Action) {
  const [isPending, startTransition] = useTransition();
  const run = (
    values: Record<string, string>,
    options?: { optimistic?: () => void; onDone?: (result: ActionResult) => void },
  ) => {
    startTransition(async () => {
      options?.optimistic?.();
      const form = new FormData();
      for (const [key, value] of Object.entries(values)) form.set(key, value);
      let result: ActionResult;
      try {
        result = await action(initialActionState, form);
      } catch {
        result = { ok: false, formError: "The connection failed. Nothing was saved; try again." };
      }
      if (result.ok) {
        if (result.message) toast.success(result.message);
      } else {
        toast.error(result.formError ?? "Could not save.");
      }
      options?.onDone?.(result);
    });
  };
  return { run, isPending };
}
