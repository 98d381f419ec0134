import { useId, type ReactNode } from "react";
import { cn } from "@/lib/cn";

/** The white shell every page section sits in, for elements that are not a Card (links, articles, lists). */
export const cardClass = (className?: string) =>
  cn("rounded-xl bg-white shadow-sm ring-1 ring-zinc-200", className);

const titleVariants = {
  /** A bold heading (settings, members, account). */
  title: "font-semibold",
  /** A small grey heading over the content (the recommendation page's sections). */
  label: "text-sm font-semibold text-zinc-500",
} as const;

export type CardProps = {
  /** The section's h2. The card is then a `<section>` labelled by it (aria-labelledby). */
  title?: ReactNode;
  /** The heading's id, when something else refers to it; otherwise one is generated. */
  titleId?: string;
  titleVariant?: keyof typeof titleVariants;
  titleClassName?: string;
  /** One line under the title, before the content. */
  description?: ReactNode;
  /** Buttons at the end of the header row, beside the title. */
  actions?: ReactNode;
  tone?: "default" | "danger";
  /** For lists and tables that run edge to edge: no padding, the title in a header with a bottom border. */
  isFlush?: boolean;
  /** The element: a titled card is a `<section>`, an untitled one a `<div>` unless told. */
  as?: "section" | "div" | "aside";
  /** A name for a card without a visible title. */
  "aria-label"?: string;
  className?: string;
  children?: ReactNode;
};

/** A page section: the white rounded shell, with an optional h2 that names it and an actions slot. */
export function Card({
  title,
  titleId,
  titleVariant = "title",
  titleClassName,
  description,
  actions,
  tone = "default",
  isFlush = false,
  as,
  className,
  children,
  ...rest
}: CardProps) {
  const generatedId = useId();
  const headingId = title ? (titleId ?? generatedId) : undefined;
  const Tag = as ?? (title || rest["aria-label"] ? "section" : "div");
  const heading = title ? (
    <h2
      id={headingId}
      className={cn(
        titleVariants[titleVariant],
        tone === "danger" && "text-red-800",
        isFlush && "border-b border-zinc-200 px-5 py-3",
        titleClassName,
      )}
    >
      {title}
    </h2>
  ) : null;
  return (
    <Tag
      aria-labelledby={headingId}
      aria-label={headingId ? undefined : rest["aria-label"]}
      className={cardClass(
        cn(isFlush ? "overflow-hidden" : "p-5", tone === "danger" && "ring-red-200", className),
      )}
    >
      {actions ? (
        <div className="flex items-center justify-between gap-2">
          {heading}
          {actions}
        </div>
      ) : (
        heading
      )}
      {description ? <p className="mt-1 mb-4 text-sm text-zinc-600">{description}</p> : null}
      {children}
    </Tag>
  );
}
