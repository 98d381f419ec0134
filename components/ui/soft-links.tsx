"use client";

import { useRouter } from "next/navigation";
import type { MouseEvent, ReactNode } from "react";

/**
 * Client-side navigation for the plain `<a href>` links inside an element, as next/link gives, with one
 * handler for the whole list instead of a Link component per link, and no prefetching: a list of 50 rows
 * (or a board of 150 cards) would otherwise prefetch every link in view, a server render each. A click with
 * a modifier key, another button, a `target` or `download`, or to another origin is left to the browser.
 */
export function useSoftNavigation() {
  const router = useRouter();
  return (event: MouseEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest("a");
    if (!link || !event.currentTarget.contains(link)) return;
    if (link.target || link.hasAttribute("download") || link.origin !== window.location.origin) return;
    event.preventDefault();
    router.push(link.pathname + link.search + link.hash);
  };
}

/** A `div` whose plain links navigate client-side (see `useSoftNavigation`). */
export function SoftLinks({ className, children }: { className?: string; children: ReactNode }) {
  const onClick = useSoftNavigation();
  return (
    // The links inside are the interactive elements (keyboard Enter on a link is a click); this only changes
    // how their clicks navigate.
    <div className={className} onClick={onClick}>
      {children}
    </div>
  );
}
