import type { ReactNode } from "react";
import { AlertCircle, AlertTriangle, CheckCircle2, Info, type LucideIcon } from "lucide-react";
import { cn } from "@/lib/cn";

export type AlertVariant = "info" | "success" | "warning" | "error";

const variants: Record<AlertVariant, { className: string; icon: LucideIcon }> = {
  info: { className: "bg-indigo-50 text-indigo-900 ring-indigo-200", icon: Info },
  success: { className: "bg-green-50 text-green-800 ring-green-200", icon: CheckCircle2 },
  warning: { className: "bg-amber-50 text-amber-900 ring-amber-200", icon: AlertTriangle },
  error: { className: "bg-red-50 text-red-800 ring-red-200", icon: AlertCircle },
};

export type AlertProps = {
  variant?: AlertVariant;
  /** A bold first line with the icon; the children go below it. Without it, the icon sits beside the children. */
  title?: ReactNode;
  /** Another lucide icon than the variant's (e.g. ArchiveX for the archived banner). */
  icon?: LucideIcon;
  /**
   * "alert" interrupts a screen reader, "status" waits its turn. Errors default to "alert", the rest to
   * "status"; pass "status" for an error that a toast already announces.
   */
  role?: "alert" | "status";
  className?: string;
  "data-testid"?: string;
  children?: ReactNode;
};

/** An info, success, warning or error banner: tinted box, icon, role for assistive technology. */
export function Alert({
  variant = "info",
  title,
  icon,
  role,
  className,
  children,
  "data-testid": testId,
}: AlertProps) {
  const { className: colours, icon: DefaultIcon } = variants[variant];
  const Icon = icon ?? DefaultIcon;
  const shared = cn("rounded-md p-3 text-sm ring-1", colours);
  const ariaRole = role ?? (variant === "error" ? "alert" : "status");
  if (title) {
    return (
      <div role={ariaRole} data-testid={testId} className={cn(shared, className)}>
        <p className="flex items-start gap-1.5 font-medium">
          <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
          {title}
        </p>
        {children}
      </div>
    );
  }
  return (
    <div role={ariaRole} data-testid={testId} className={cn("flex items-start gap-2", shared, className)}>
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
