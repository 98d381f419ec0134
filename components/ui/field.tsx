"use client";

import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";
import { useFormState } from "@/components/ui/action-form";
import { cn } from "@/lib/cn";

export const inputClass =
  "block w-full rounded-md border-0 bg-white px-3 py-1.5 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-invalid:ring-red-500";

type ControlProps = { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string };

/**
 * The one labelled-field shell: label, control, and the field's error from the form's schema (client)
 * or the server action, or else its hint.
 */
function FieldShell({
  name,
  label,
  hint,
  className,
  children,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const { errors } = useFormState();
  const error = errors[name]?.[0];
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-900">
        {label}
      </label>
      {children({
        id,
        name,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
      })}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type Labelled = { name: string; label: string; hint?: ReactNode };

export function Field({
  name,
  label,
  hint,
  className,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & Labelled) {
  return (
    <FieldShell name={name} label={label} hint={hint} className={className}>
      {(control) => <input {...control} className={inputClass} {...props} />}
    </FieldShell>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  className,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & Labelled) {
  return (
    <FieldShell name={name} label={label} hint={hint} className={className}>
      {(control) => <textarea {...control} className={cn(inputClass, "leading-6")} {...props} />}
    </FieldShell>
  );
}

export function SelectField({
  name,
  label,
  options,
  defaultValue,
  hint,
}: Labelled & { options: { value: string; label: string }[]; defaultValue?: string }) {
  return (
    <FieldShell name={name} label={label} hint={hint}>
      {(control) => (
        <select {...control} defaultValue={defaultValue} className={cn(inputClass, "h-9 pe-8")}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
