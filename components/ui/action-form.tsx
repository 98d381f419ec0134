"use client";

import {
  createContext,
  useActionState,
  useContext,
  useEffect,
  useRef,
  useState,
  startTransition,
  type ReactNode,
} from "react";
import { toast } from "sonner";
import { z } from "zod";
import { AlertCircle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { initialActionState, type ActionResult } from "@/lib/action-result";
import { cn } from "@/lib/cn";

// zod's JIT probes `new Function("")`, which our CSP (no 'unsafe-eval') blocks and reports as a
// violation on every page with a form. The interpreter is fast enough for form validation.
z.config({ jitless: true });

type FieldErrors = Record<string, string[] | undefined>;
type FormState = { errors: FieldErrors; isPending: boolean };

const FormContext = createContext<FormState>({ errors: {}, isPending: false });

export const useFormState = () => useContext(FormContext);

export type ActionFormProps<T> = {
  action: (state: ActionResult<T>, form: FormData) => Promise<ActionResult<T>>;
  /** The same zod schema the server action parses with: the form checks it before sending. */
  schema?: z.ZodType;
  children: ReactNode;
  submitLabel?: string;
  pendingLabel?: string;
  submitVariant?: "primary" | "secondary" | "danger";
  className?: string;
  resetOnSuccess?: boolean;
  hideSubmit?: boolean;
  onSuccess?: (result: Extract<ActionResult<T>, { ok: true }>) => void;
  onFailure?: (result: Extract<ActionResult<T>, { ok: false }>) => void;
  /** Asks before sending, for destructive actions. */
  confirmText?: string;
  "aria-label"?: string;
};

/**
 * One form component for every server action: client-side check with the shared schema, a pending
 * state, field errors from the server, a message after each action. Inputs keep their values on error.
 */
export function ActionForm<T = null>({
  action,
  schema,
  children,
  submitLabel = "Save",
  pendingLabel,
  submitVariant = "primary",
  className,
  resetOnSuccess = false,
  hideSubmit = false,
  onSuccess,
  onFailure,
  confirmText,
  ...rest
}: ActionFormProps<T>) {
  const [state, dispatch, isPending] = useActionState(action, initialActionState as ActionResult<T>);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const lastHandled = useRef<ActionResult<T> | null>(null);

  useEffect(() => {
    if (state === initialActionState || state === lastHandled.current) return;
    lastHandled.current = state;
    if (state.ok) {
      if (state.message) toast.success(state.message);
      if (resetOnSuccess) formRef.current?.reset();
      onSuccess?.(state as Extract<ActionResult<T>, { ok: true }>);
    } else {
      if (state.formError && !state.fieldErrors && !state.conflict) toast.error(state.formError);
      onFailure?.(state);
    }
  }, [state, resetOnSuccess, onSuccess, onFailure]);

  const errors: FieldErrors = clientErrors ?? (!state.ok ? (state.fieldErrors ?? {}) : {});
  const hasFieldErrors = Object.values(errors).some((messages) => messages && messages.length > 0);
  // A field error is shown next to its field; the banner is for errors that belong to no field.
  const formError =
    clientErrors || hasFieldErrors
      ? null
      : !state.ok && state !== initialActionState
        ? state.formError
        : null;

  return (
    <FormContext.Provider value={{ errors, isPending }}>
      <form
        ref={formRef}
        noValidate
        aria-label={rest["aria-label"]}
        className={cn("space-y-4", className)}
        onSubmit={(event) => {
          event.preventDefault();
          const formData = new FormData(event.currentTarget);
          if (schema) {
            const values = Object.fromEntries(
              [...formData.entries()].filter(([, v]) => typeof v === "string"),
            );
            const parsed = schema.safeParse(values);
            if (!parsed.success) {
              setClientErrors(z.flattenError(parsed.error).fieldErrors as FieldErrors);
              return;
            }
          }
          if (confirmText && !window.confirm(confirmText)) return;
          setClientErrors(null);
          startTransition(() => dispatch(formData));
        }}
      >
        {formError ? (
          <div
            role="status"
            className="flex items-start gap-2 rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200"
          >
            <AlertCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
            <p data-testid="form-error">{formError}</p>
          </div>
        ) : null}
        {children}
        {hideSubmit ? null : (
          <Button type="submit" variant={submitVariant} isPending={isPending}>
            {isPending ? (pendingLabel ?? submitLabel) : submitLabel}
          </Button>
        )}
      </form>
    </FormContext.Provider>
  );
}

export function SubmitButton({
  children,
  pendingLabel,
  variant,
  size,
  className,
}: {
  children: ReactNode;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  size?: "sm" | "md";
  className?: string;
}) {
  const { isPending } = useFormState();
  return (
    <Button type="submit" variant={variant} size={size} isPending={isPending} className={className}>
      {isPending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
