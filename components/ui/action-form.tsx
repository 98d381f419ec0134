"use client";

import { createContext, useContext, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  useServerAction,
  type ActionFailure,
  type ActionSuccess,
  type ServerAction,
} from "@/components/ui/use-server-action";
import { useHydrated } from "@/components/ui/use-hydrated";
import { cn } from "@/lib/cn";
import { localizeZodError, type RootTranslator } from "@/lib/i18n/localize";

// zod's JIT probes `new Function("")`, which our CSP (no 'unsafe-eval') blocks and reports as a
// violation on every page with a form. The interpreter is fast enough for form validation.
z.config({ jitless: true });

type FieldErrors = Record<string, string[] | undefined>;
type FormState = { errors: FieldErrors; isPending: boolean; isHydrated: boolean };

const FormContext = createContext<FormState>({ errors: {}, isPending: false, isHydrated: false });

export const useFormState = () => useContext(FormContext);

export type ActionFormProps<T> = {
  action: ServerAction<T>;
  /** The same zod schema the server action parses with: the form checks it before sending. */
  schema?: z.ZodType;
  children: ReactNode;
  submitLabel?: string;
  pendingLabel?: string;
  submitVariant?: "primary" | "secondary" | "danger";
  className?: string;
  resetOnSuccess?: boolean;
  hideSubmit?: boolean;
  /** Runs after a successful action, with the values that were sent. */
  onSuccess?: (result: ActionSuccess<T>, sent: FormData) => void;
  onFailure?: (result: ActionFailure<T>) => void;
  /** Shows the expected outcome at once (a useOptimistic setter), from the values being sent. */
  optimistic?: (form: FormData) => void;
  /** Asks before sending, for destructive actions. */
  confirmText?: string;
  "aria-label"?: string;
};

/**
 * One form component for every server action, on top of useServerAction: client-side check with the
 * shared schema, a pending state, field errors from the server, a message after each action. Inputs
 * keep their values on error.
 */
export function ActionForm<T = null>({
  action,
  schema,
  children,
  submitLabel,
  pendingLabel,
  submitVariant = "primary",
  className,
  resetOnSuccess = false,
  hideSubmit = false,
  onSuccess,
  onFailure,
  optimistic,
  confirmText,
  ...rest
}: ActionFormProps<T>) {
  const { run, isPending, result } = useServerAction(action, { errors: "inline" });
  const t = useTranslations() as unknown as RootTranslator;
  const label = submitLabel ?? t("common.save");
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const isHydrated = useHydrated();

  const errors: FieldErrors = clientErrors ?? (result && !result.ok ? (result.fieldErrors ?? {}) : {});
  const hasFieldErrors = Object.values(errors).some((messages) => messages && messages.length > 0);
  // A field error is shown next to its field; the banner is for errors that belong to no field.
  const formError = clientErrors || hasFieldErrors || !result || result.ok ? null : result.formError;

  return (
    <FormContext.Provider value={{ errors, isPending, isHydrated }}>
      {/* POST, not the default GET: a submission the page's script did not catch never puts the
          fields (a password) into the address bar or server logs. */}
      <form
        ref={formRef}
        method="post"
        noValidate
        aria-label={rest["aria-label"]}
        className={cn("space-y-4", className)}
        onSubmit={(event) => {
          event.preventDefault();
          if (isPending) return; // Enter in a field while the last submission is still on its way
          const formData = new FormData(event.currentTarget);
          if (schema) {
            const values = Object.fromEntries(
              [...formData.entries()].filter(([, v]) => typeof v === "string"),
            );
            const parsed = schema.safeParse(values);
            if (!parsed.success) {
              setClientErrors(localizeZodError(t, parsed.error).fieldErrors);
              return;
            }
          }
          if (confirmText && !window.confirm(confirmText)) return;
          setClientErrors(null);
          void run(formData, {
            optimistic: optimistic ? () => optimistic(formData) : undefined,
            onSuccess: (success) => {
              if (resetOnSuccess) formRef.current?.reset();
              onSuccess?.(success, formData);
            },
            onFailure,
          });
        }}
      >
        {formError ? (
          // role="status": the same message is also toasted, which screen readers announce already.
          <Alert variant="error" role="status">
            <p data-testid="form-error">{formError}</p>
          </Alert>
        ) : null}
        {children}
        {hideSubmit ? null : (
          <Button type="submit" variant={submitVariant} isPending={isPending} disabled={!isHydrated}>
            {isPending ? (pendingLabel ?? label) : label}
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
  const { isPending, isHydrated } = useFormState();
  return (
    <Button
      type="submit"
      variant={variant}
      size={size}
      isPending={isPending}
      disabled={!isHydrated}
      className={className}
    >
      {isPending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
