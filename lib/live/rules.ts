/**
 * Live updates: the pure parts (SSE wire format, catch-up windowing, which events a page cares about),
 * shared by the stream (lib/live/stream.ts) and the browser (components/live/live-provider.tsx).
 */

/** A comment line every this often keeps proxies and the browser from timing an idle stream out. */
export const HEARTBEAT_MS = 20_000;
/** The stream re-reads the membership this often (and at once on any member.* event of its workspace). */
export const MEMBERSHIP_RECHECK_MS = 30_000;
/** How long the browser waits before reconnecting after a drop (EventSource's own retry). */
export const RETRY_MS = 2_000;
/** At most this many events are replayed on reconnect; more than that and the client reloads instead. */
export const CATCH_UP_LIMIT = 500;
/**
 * `seq` is assigned at insert, so a transaction that started earlier can commit after a later one: its
 * event arrives with a lower seq than the last one the browser saw. Catch-up therefore re-reads this many
 * seqs behind the client's cursor; the client drops what it has already seen.
 */
export const CATCH_UP_WINDOW = 50;
/** A viewer whose stream has not refreshed its presence for this long is gone (its instance died). */
export const PRESENCE_TTL_MS = 45_000;
/** How often an open stream refreshes its viewer's presence (and re-reads the viewers list). */
export const PRESENCE_HEARTBEAT_MS = 15_000;
/** Bounds on what one stream may carry and show. */
export const MAX_VIEWERS_SHOWN = 20;

/** What the stream sends for one ActivityEvent: its type and ids, nothing else (the page re-reads the rest). */
export type LiveEvent = {
  seq: string;
  type: string;
  trackerId: string | null;
  recommendationId: string | null;
  /** True when the connected user made the change (their page already shows it). */
  isOwn: boolean;
};

export type Viewer = { id: string; name: string };

/** One Server-Sent Events message. Data is JSON on one line, so it never contains a bare newline. */
export function formatSse(message: { event?: string; id?: string; data?: unknown; retry?: number }): string {
  let out = "";
  if (message.retry !== undefined) out += `retry: ${Math.max(0, Math.floor(message.retry))}\n`;
  if (message.id !== undefined) out += `id: ${message.id.replace(/[\r\n]/g, "")}\n`;
  if (message.event !== undefined) out += `event: ${message.event.replace(/[\r\n]/g, "")}\n`;
  out += `data: ${message.data === undefined ? "" : JSON.stringify(message.data)}\n`;
  return `${out}\n`;
}

/** A comment line: ignored by EventSource, keeps the connection warm. */
export const sseComment = (text: string) => `: ${text.replace(/[\r\n]/g, " ")}\n\n`;

/** The client's cursor: `Last-Event-ID` (native reconnect) or `?lastEventId=` (manual reconnect). */
export function parseLastEventId(value: string | null | undefined): bigint | null {
  if (!value || !/^\d{1,19}$/.test(value)) return null;
  const seq = BigInt(value);
  return seq > 0n && seq <= 9_223_372_036_854_775_807n ? seq : null;
}

/** The lowest seq catch-up reads (exclusive): a window behind the cursor, for out-of-order commits. */
export function catchUpFrom(lastSeq: bigint): bigint {
  const from = lastSeq - BigInt(CATCH_UP_WINDOW);
  return from > 0n ? from : 0n;
}

/**
 * What to send for a catch-up read of at most `CATCH_UP_LIMIT + 1` rows (in seq order): all of them, or —
 * when there were more than the limit — none, and a `reload` (the page re-reads everything anyway).
 */
export function planCatchUp<T>(rows: T[], limit = CATCH_UP_LIMIT): { send: T[]; reload: boolean } {
  return rows.length > limit ? { send: [], reload: true } : { send: rows, reload: false };
}

/** The page a browser shows, from its route params. */
export type LivePage = { trackerId?: string; recommendationId?: string };

/**
 * Does this event change what the page shows? A recommendation page: events on that recommendation. A tracker
 * page (list, board, report): events in that tracker (rows, counts, progress). A workspace page (the trackers
 * list and others): any tracker-level change in the workspace.
 */
export function touchesPage(
  event: Pick<LiveEvent, "type" | "trackerId" | "recommendationId">,
  page: LivePage,
) {
  if (page.recommendationId) return event.recommendationId === page.recommendationId;
  if (page.trackerId) return event.trackerId === page.trackerId;
  return event.trackerId !== null || event.type.startsWith("tracker.") || event.type.startsWith("workspace.");
}

/** A bounded set of seen seqs, so the client ignores events replayed by a catch-up window. */
export class SeenSeqs {
  private readonly order: string[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly capacity = 1_000) {}
  /** True the first time `seq` is offered. */
  add(seq: string): boolean {
    if (this.seen.has(seq)) return false;
    this.seen.add(seq);
    this.order.push(seq);
    if (this.order.length > this.capacity) this.seen.delete(this.order.shift()!);
    return true;
  }
}

/** Reconnect delay after the n-th consecutive failure: 1 s doubling to 30 s, with jitter. */
export function backoffMs(failures: number, random = Math.random()): number {
  const base = Math.min(1_000 * 2 ** Math.max(0, failures - 1), 30_000);
  return Math.round(base * (0.75 + random * 0.5));
}

/**
 * Which events a stream forwards. Member, invitation and refusal events belong to the admin-only members
 * page and audit log: they are not sent (a member.* event only makes the stream re-check its own access).
 */
export function isForwarded(type: string): boolean {
  return !(type.startsWith("member.") || type.startsWith("invitation.") || type.startsWith("access."));
}

/** Events after which a stream re-reads its membership at once. */
export const isMembershipEvent = (type: string) => type.startsWith("member.") || type === "workspace.deleted";
