"use client";

import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { useParams, useRouter } from "next/navigation";
import { SeenSeqs, backoffMs, touchesPage, type LiveEvent, type Viewer } from "@/lib/live/rules";
import { routes } from "@/lib/routes";

/** The window event the notification bell listens for (sent when the user's notifications change). */
export const LIVE_NOTIFICATION_EVENT = "live:notification";
/** A window event for each change of the workspace the page receives (detail: type and ids). */
export const LIVE_CHANGE_EVENT = "live:change";
/** How long the page waits for more changes before re-rendering once. */
const REFRESH_DEBOUNCE_MS = 50;

export type LiveState = "connecting" | "open" | "reconnecting" | "revoked" | "off";
/**
 * Who else is viewing, kept in a small store outside React context on purpose: a context value that changes
 * while the page is still streaming in makes React client-render every Suspense boundary that has not
 * hydrated yet, and the streamed server copy then lands beside the client copy (duplicate forms). A store
 * only re-renders the components that subscribed, which are hydrated by definition.
 */
const NO_VIEWERS: Viewer[] = [];
let viewersNow: Viewer[] = NO_VIEWERS;
const viewerListeners = new Set<() => void>();
function setViewers(next: Viewer[]) {
  viewersNow = next.length === 0 ? NO_VIEWERS : next;
  for (const listener of viewerListeners) listener();
}
function subscribeToViewers(listener: () => void) {
  viewerListeners.add(listener);
  return () => void viewerListeners.delete(listener);
}

/** The people viewing the same recommendation (other than the viewer), as the live stream reports them. */
export function useLiveViewers(): Viewer[] {
  return useSyncExternalStore(
    subscribeToViewers,
    () => viewersNow,
    () => NO_VIEWERS,
  );
}

/**
 * One EventSource per page, for the workspace in the URL (narrowed to the recommendation on its page, for
 * presence); outside workspaces, the user's own stream (notifications only); none when signed out. A change that touches what the page shows triggers a debounced `router.refresh()`: server
 * components re-render with fresh data while client state — a field being edited, an open dialog, typed
 * text — is kept (editable fields keep the version they started from, so a save over someone else's change
 * still meets the conflict flow). After an error the stream is reopened with backoff and the last seq seen,
 * and the server replays what was missed.
 */
export function LiveProvider({ children, isSignedIn }: { children: ReactNode; isSignedIn: boolean }) {
  const params = useParams<{ slug?: string; trackerId?: string; recommendationId?: string }>();
  const router = useRouter();
  const slug = typeof params.slug === "string" ? params.slug : undefined;
  const trackerId = typeof params.trackerId === "string" ? params.trackerId : undefined;
  const recommendationId = typeof params.recommendationId === "string" ? params.recommendationId : undefined;
  const [state, setState] = useState<LiveState>("off");
  /** Survives reconnects and navigation within the workspace: the cursor and the seqs already handled. */
  const cursor = useRef<{ slug?: string; lastSeq: string | null; seen: SeenSeqs }>({
    lastSeq: null,
    seen: new SeenSeqs(),
  });

  useEffect(() => {
    if (!isSignedIn) return;
    if (cursor.current.slug !== slug) cursor.current = { slug, lastSeq: null, seen: new SeenSeqs() };
    const page = { trackerId, recommendationId };
    let source: EventSource | null = null;
    let failures = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let refresh: ReturnType<typeof setTimeout> | undefined;
    let isStopped = false;

    const scheduleRefresh = () => {
      clearTimeout(refresh);
      refresh = setTimeout(() => router.refresh(), REFRESH_DEBOUNCE_MS);
    };
    const connect = () => {
      const query = new URLSearchParams();
      if (recommendationId) query.set("recommendation", recommendationId);
      if (cursor.current.lastSeq) query.set("lastEventId", cursor.current.lastSeq);
      // Outside a workspace (home, account) the page follows only the user's notifications.
      const next = new EventSource(slug ? routes.liveStream(slug, query) : routes.userLiveStream());
      source = next;
      setState(failures === 0 ? "connecting" : "reconnecting");
      next.addEventListener("ready", (message) => {
        failures = 0;
        if (message.lastEventId) cursor.current.lastSeq = message.lastEventId;
        setState("open");
      });
      next.addEventListener("change", (message) => {
        const event = JSON.parse(message.data) as LiveEvent;
        if (!cursor.current.seen.add(event.seq)) return;
        if (!cursor.current.lastSeq || BigInt(event.seq) > BigInt(cursor.current.lastSeq)) {
          cursor.current.lastSeq = event.seq;
        }
        // Other widgets may follow changes too (and scripts/bench-live.ts times the delivery).
        window.dispatchEvent(new CustomEvent(LIVE_CHANGE_EVENT, { detail: event }));
        // The tab in use made its own change through a server action, which already re-rendered it; a second
        // refresh would only race that render. Other tabs and other people's changes refresh.
        if (event.isOwn && document.hasFocus()) return;
        if (touchesPage(event, page)) scheduleRefresh();
      });
      next.addEventListener("reload", (message) => {
        if (message.lastEventId) cursor.current.lastSeq = message.lastEventId;
        scheduleRefresh();
      });
      next.addEventListener("notification", () => {
        window.dispatchEvent(new CustomEvent(LIVE_NOTIFICATION_EVENT));
      });
      next.addEventListener("presence", (message) => {
        setViewers((JSON.parse(message.data) as { viewers: Viewer[] }).viewers);
      });
      next.addEventListener("revoked", () => {
        isStopped = true;
        next.close();
        setState("revoked");
        setViewers([]);
        router.refresh(); // the page answers "not found" now
      });
      next.onerror = () => {
        // Reopen it ourselves (with the cursor), backing off while the server stays unreachable.
        next.close();
        if (isStopped) return;
        failures += 1;
        setState("reconnecting");
        clearTimeout(retry);
        retry = setTimeout(connect, backoffMs(failures));
      };
    };
    connect();
    return () => {
      isStopped = true;
      clearTimeout(retry);
      clearTimeout(refresh);
      source?.close();
      setViewers([]);
      setState("off");
    };
  }, [isSignedIn, slug, trackerId, recommendationId, router]);

  // The state shows only here (for tests and scripts); it re-renders this component alone, never children.
  return (
    <>
      <span hidden data-testid="live-status" data-state={state} />
      {children}
    </>
  );
}
