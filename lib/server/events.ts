import "server-only";
import { Client } from "pg";
import { db, type Tx } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import {
  NOTIFYING_EVENT_TYPES,
  parseEvent,
  validatePayload,
  type EventPayload,
  type EventType,
  type TypedEvent,
  type UnreadableEvent,
} from "@/lib/events/catalog";

/**
 * The event stream's write and subscribe side. Every mutation writes its ActivityEvent through
 * `recordEvent`, inside the mutation's transaction:
 *   1. the payload is validated against the catalogue (lib/events/catalog.ts) — a bad payload throws and
 *      the whole mutation rolls back;
 *   2. the row is inserted;
 *   3. `pg_notify('activity_event', <id>)` is queued in the same transaction. PostgreSQL delivers it only
 *      when the transaction commits (and drops it on rollback), to every app instance that LISTENs.
 * So "after commit, tell subscribers about event N" happens in exactly one place, and a subscriber reads
 * the row by id (the NOTIFY payload limit is 8,000 bytes; an id always fits).
 */
export const EVENT_CHANNEL = "activity_event";

export type EventInput<T extends EventType = EventType> = {
  type: T;
  data: EventPayload<T>;
  actorId: string | null;
  workspaceId?: string | null;
  trackerId?: string | null;
  recommendationId?: string | null;
  createdAt?: Date;
};

/** Writes one event in the caller's transaction and announces it on commit. Returns its id. */
export async function recordEvent<T extends EventType>(tx: Tx, event: EventInput<T>): Promise<string> {
  const data = validatePayload(event.type, event.data);
  const row = await tx.activityEvent.create({
    data: {
      type: event.type,
      actorId: event.actorId,
      workspaceId: event.workspaceId ?? null,
      trackerId: event.trackerId ?? null,
      recommendationId: event.recommendationId ?? null,
      data,
      ...(event.createdAt ? { createdAt: event.createdAt } : {}),
    },
    select: { id: true },
  });
  // The notification outbox (lib/notifications/fanout.ts): written with the event, so fan-out sees every one.
  if (event.workspaceId && NOTIFYING_EVENT_TYPES.has(event.type))
    await tx.notificationOutbox.create({ data: { eventId: row.id } });
  await tx.$executeRaw`SELECT pg_notify(${EVENT_CHANNEL}, ${row.id})`;
  return row.id;
}

/**
 * Validates many events for a bulk write (an import, a tracker made from a document) and returns them
 * ready to insert. Bulk rows are not announced one by one: the caller writes one summary event with
 * `recordEvent` (tracker.created, tracker.imported), which is announced.
 */
export function validateEvents<T extends EventType>(events: EventInput<T>[]): EventInput<T>[] {
  return events.map((event) => ({ ...event, data: validatePayload(event.type, event.data) }));
}

/** A stored event as readers see it: its columns, with the payload parsed by type. */
export type StoredEvent<Row extends { type: string; data: unknown }> = Omit<Row, "type" | "data"> & {
  event: TypedEvent | UnreadableEvent;
};

/** Parses the payload of rows read from ActivityEvent. Every reader goes through this; none casts. */
export function readEvents<Row extends { type: string; data: unknown }>(rows: Row[]): StoredEvent<Row>[] {
  return rows.map(({ type, data, ...rest }) => ({ ...rest, event: parseEvent({ type, data }) }));
}

/** One event by id, scoped to a workspace (for subscribers told "event N" by a notification). */
export async function getWorkspaceEvent(workspaceId: string, id: string) {
  const row = await db.activityEvent.findFirst({
    where: { id, workspaceId },
    select: {
      id: true,
      type: true,
      data: true,
      actorId: true,
      trackerId: true,
      recommendationId: true,
      createdAt: true,
    },
  });
  return row ? readEvents([row])[0]! : null;
}

export type EventSubscription = { close: () => Promise<void> };

/**
 * Calls `onEvent(id)` for every event committed by any app instance, from now on. Uses one dedicated
 * connection (LISTEN cannot share a pooled one). Events committed while the connection is down are not
 * replayed here: a subscriber that must not miss any reads from its last seen `seq` when `onReconnect` fires.
 */
export async function subscribeToEvents(
  onEvent: (id: string) => void,
  options: { onReconnect?: () => void; connectionString?: string } = {},
): Promise<EventSubscription> {
  return subscribeToChannels([EVENT_CHANNEL], (_, payload) => onEvent(payload), options);
}

/**
 * LISTENs on `channels` with one dedicated connection and calls `onNotification(channel, payload)` for each
 * NOTIFY. When PostgreSQL drops the connection (restart, failover, pg_terminate_backend) it reconnects with
 * backoff (250 ms doubling to 10 s) and calls `onReconnect`, so callers can re-read what they missed.
 */
export async function subscribeToChannels(
  channels: readonly string[],
  onNotification: (channel: string, payload: string) => void,
  options: { onReconnect?: () => void; connectionString?: string } = {},
): Promise<EventSubscription> {
  for (const channel of channels) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Bad channel name: ${channel}`);
  }
  let closed = false;
  let client: Client | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const connect = async (attempt: number): Promise<void> => {
    const next = new Client({ connectionString: options.connectionString ?? env().DATABASE_URL });
    let isLost = false;
    // "error" and "end" both fire when the server drops us; reconnect once.
    const lost = () => {
      if (closed || isLost) return;
      isLost = true;
      if (client === next) client = null;
      void next.end().catch(() => undefined);
      clearTimeout(retry);
      retry = setTimeout(() => void reconnect(1), 250);
    };
    next.on("notification", (message) => {
      if (channels.includes(message.channel) && message.payload)
        onNotification(message.channel, message.payload);
    });
    next.on("error", lost);
    next.on("end", lost);
    try {
      await next.connect();
      for (const channel of channels) await next.query(`LISTEN ${channel}`);
    } catch (error) {
      isLost = true;
      void next.end().catch(() => undefined);
      throw error;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    if (attempt > 0) options.onReconnect?.();
  };
  const reconnect = async (attempt: number): Promise<void> => {
    if (closed) return;
    try {
      await connect(attempt);
    } catch {
      retry = setTimeout(() => void reconnect(attempt + 1), Math.min(250 * 2 ** attempt, 10_000));
    }
  };

  await connect(0);
  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
