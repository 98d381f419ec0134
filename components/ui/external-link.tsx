import type { ReactNode } from "react";

/** The one way to render a link a user typed: http(s) only, opened with noopener noreferrer nofollow. */
export function ExternalLink({
  href,
  children,
  className,
}: {
  href: string | undefined;
  children: ReactNode;
  className?: string;
}) {
  const isSafe = typeof href === "string" && /^https?:\/\//i.test(href.trim());
  if (!isSafe) return <span className={className}>{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className={className}>
      {children}
    </a>
  );
}
