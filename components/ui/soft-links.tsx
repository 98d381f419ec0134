"use client";

import { useRouter } from "next/navigation";
import { useRef, type MouseEvent, type ReactNode, type SyntheticEvent } from "react";

/** The same-origin plain link an event happened in, inside the element that handles it. */
function linkOf(event: SyntheticEvent<HTMLElement>): HTMLAnchorElement | null {
  const link = (event.target as Element).closest("a");
  if (!link || !event.currentTarget.contains(link)) return null;
  if (link.target || link.hasAttribute("download") || link.origin !== window.location.origin) return null;
  return link;
}

/**
 * Client-side navigation for the plain `<a href>` links inside an element, as next/link gives, with one
 * handler for the whole list instead of a Link component per link, and no prefetching of every link in
 * view: a list of 50 rows (or a board of 150 cards) would otherwise prefetch each, a server render each. A
 * link is prefetched when pointed at or focused, as a hovered Link is. A click with a modifier key, another
 * button, a `target` or `download`, or to another origin is left to the browser.
 */
export function useSoftNavigation() {
  const router = useRouter();
  const prefetched = useRef(new Set<string>());
  const hrefOf = (link: HTMLAnchorElement) => link.pathname + link.search + link.hash;
  const prefetch = (event: SyntheticEvent<HTMLElement>) => {
    const link = linkOf(event);
    if (!link || prefetched.current.has(hrefOf(link))) return;
    prefetched.current.add(hrefOf(link));
    router.prefetch(hrefOf(link));
  };
  const onClick = (event: MouseEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = linkOf(event);
    if (!link) return;
    event.preventDefault();
    router.push(hrefOf(link));
  };
  return { onClick, onMouseOver: prefetch, onFocus: prefetch };
}

/** A `div` whose plain links navigate client-side (see `useSoftNavigation`). */
export function SoftLinks({ className, children }: { className?: string; children: ReactNode }) {
  const handlers = useSoftNavigation();
  return (
    // The links inside are the interactive elements (keyboard Enter on a link is a click); this only changes
    // how their clicks navigate.
    <div className={className} {...handlers}>
      {children}
    </div>
  );
}
