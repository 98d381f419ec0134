"use client";

import { useId, type TextareaHTMLAttributes } from "react";
import { useFormState } from "@/components/ui/action-form";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/lib/cn";

export function TextAreaField({
  name,
  label,
  hint,
  className,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string; label: string; hint?: string }) {
  const id = useId();
  const { errors } = useFormState();
  const error = errors[name]?.[0];
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-900">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={cn(inputClass, "leading-6")}
        {...props}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : hint ? (
        <p className="text-xs text-zinc-500">{hint}</p>
      ) : null}
    </div>
  );
}
