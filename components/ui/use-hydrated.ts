import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and during hydration, true once React runs the page in the browser.
 * Submit buttons stay disabled until then: a click (or Enter) before hydration would otherwise send
 * the form natively, to the page's own URL, without its server action.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
