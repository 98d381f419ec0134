import "server-only";
import { EVENT_CHANNEL, subscribeToChannels, type EventSubscription } from "@/lib/server/events";
import { PRESENCE_CHANNEL, USER_NOTIFICATION_CHANNEL } from "@/lib/live/channels";
import { findAnnouncedEvent, listCurrentMemberships, type LiveEventRow } from "@/lib/live/queries";
import { MEMBERSHIP_RECHECK_MS } from "@/lib/live/rules";

/**
 * One LISTEN connection per app instance, fanned out to the SSE streams this instance holds. The registry
 * holds only open connections (nothing another instance needs): every fact a stream sends is read from
 * PostgreSQL, and every signal arrives through NOTIFY, so a change made on any instance reaches all of them.
 */
export type LiveSubscriber = {
  /** null: a signed-in page outside workspaces, which follows only the user's notifications. */
  workspaceId: string | null;
  userId: string;
  recommendationId: string | null;
  /** The session version the stream was opened with ("sign out everywhere" bumps it). */
  sessionVersion: number;
  /** The periodic check found the user no longer a member (or signed out everywhere). */
  onRevoked: () => void;
  /** An event of this subscriber's workspace (loaded with the workspace predicate). */
  onEvent: (row: LiveEventRow) => void;
  /** `pg_notify('user_notification', <this user's id>)`. */
  onNotification: () => void;
  /** Someone started or stopped viewing this subscriber's recommendation. */
  onPresence: () => void;
  /** The LISTEN connection was lost and is back: re-read what may have been missed. */
  onResync: () => void;
};

class LiveHub {
  private readonly subscribers = new Set<LiveSubscriber>();
  private subscription: Promise<EventSubscription> | null = null;
  /** Event ids are looked up one after another, so streams get events in the order PostgreSQL announced them. */
  private queue: Promise<void> = Promise.resolve();
  private recheckTimer: ReturnType<typeof setInterval> | null = null;

  get size() {
    return this.subscribers.size;
  }

  /** Adds a subscriber (starting the LISTEN connection on first use); returns its removal. */
  async add(subscriber: LiveSubscriber): Promise<() => void> {
    this.subscribers.add(subscriber);
    try {
      await this.start();
    } catch (error) {
      this.subscribers.delete(subscriber);
      throw error;
    }
    return () => void this.subscribers.delete(subscriber);
  }

  /**
   * Every 30 s, one query re-reads the memberships behind all of this instance's workspace streams (not one
   * query per stream: 500 open tabs cost one round trip), and revokes the streams whose access is gone.
   */
  async recheckMemberships() {
    const streams = [...this.subscribers].filter((s) => s.workspaceId !== null);
    if (streams.length === 0) return;
    const current = await listCurrentMemberships(
      [...new Set(streams.map((s) => s.userId))],
      [...new Set(streams.map((s) => s.workspaceId!))],
    );
    const valid = new Set(current.map((m) => `${m.userId}:${m.workspaceId}:${m.sessionVersion}`));
    for (const s of streams) {
      if (!valid.has(`${s.userId}:${s.workspaceId}:${s.sessionVersion}`)) s.onRevoked();
    }
  }

  private start(): Promise<EventSubscription> {
    this.recheckTimer ??= setInterval(() => {
      this.recheckMemberships().catch((error: unknown) =>
        console.error("[live] membership re-check failed", error),
      );
    }, MEMBERSHIP_RECHECK_MS);
    this.recheckTimer.unref?.();
    this.subscription ??= subscribeToChannels(
      [EVENT_CHANNEL, USER_NOTIFICATION_CHANNEL, PRESENCE_CHANNEL],
      (channel, payload) => this.dispatch(channel, payload),
      { onReconnect: () => this.each((s) => s.onResync()) },
    ).catch((error: unknown) => {
      this.subscription = null; // the next stream tries again
      throw error;
    });
    return this.subscription;
  }

  private each(run: (subscriber: LiveSubscriber) => void) {
    for (const subscriber of [...this.subscribers]) {
      try {
        run(subscriber);
      } catch (error) {
        console.error("[live] subscriber failed", error);
      }
    }
  }

  private dispatch(channel: string, payload: string) {
    if (channel === USER_NOTIFICATION_CHANNEL) {
      this.each((s) => (s.userId === payload ? s.onNotification() : undefined));
    } else if (channel === PRESENCE_CHANNEL) {
      this.each((s) => (s.recommendationId === payload ? s.onPresence() : undefined));
    } else if (channel === EVENT_CHANNEL) {
      this.queue = this.queue
        .then(() => this.deliverEvent(payload))
        .catch((error: unknown) => {
          console.error("[live] could not load an announced event", error);
        });
    }
  }

  private async deliverEvent(id: string) {
    const workspaceIds = [
      ...new Set([...this.subscribers].flatMap((s) => (s.workspaceId ? [s.workspaceId] : []))),
    ];
    const row = await findAnnouncedEvent(id, workspaceIds);
    if (!row) return;
    this.each((s) =>
      s.workspaceId !== null && s.workspaceId === row.workspaceId ? s.onEvent(row) : undefined,
    );
  }
}

const globalForHub = globalThis as unknown as { liveHub?: LiveHub };

/** This process's hub (one per instance; kept on globalThis so module reloads in development share it). */
export function liveHub(): LiveHub {
  globalForHub.liveHub ??= new LiveHub();
  return globalForHub.liveHub;
}
