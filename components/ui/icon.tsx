import { cn } from "@/lib/cn";

/** The icons in app/globals.css (`.i-<name>`). */
export type IconName =
  | "due"
  | "comments"
  | "evidence"
  | "up"
  | "down"
  | "prev"
  | "next"
  | "dashboard"
  | "document"
  | "layers"
  | "printer"
  | "camera"
  | "globe"
  | "download"
  | "upload"
  | "history"
  | "check"
  | "reorder"
  | "logo"
  | "chevrons"
  | "bell"
  | "bell-off"
  | "plus"
  | "user"
  | "search"
  | "list"
  | "columns"
  | "sliders"
  | "x";

/**
 * An icon drawn by CSS (a mask over currentColor, app/globals.css): a class name in the page instead of an
 * inline SVG per row and per button. Decorative: the text beside it or the control's label says what it is.
 */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  // An empty <i> has no text for assistive technology to read, so it needs no aria-hidden.
  return <i className={cn("i", `i-${name}`, className)} />;
}
