import "server-only";
import { randomUUID } from "node:crypto";
import { liveHub } from "@/lib/live/hub";
import {
  findStreamRecommendation,
  isStillMember,
  latestWorkspaceSeq,
  listViewers,
  listWorkspaceEventsAfter,
  toLiveEvent,
  type LiveEventRow,
} from "@/lib/live/queries";
import { markGone, markPresent, refreshPresence } from "@/lib/live/presence";
import {
  CATCH_UP_LIMIT,
  HEARTBEAT_MS,
  PRESENCE_HEARTBEAT_MS,
  RETRY_MS,
  SeenSeqs,
  catchUpFrom,
  formatSse,
  isForwarded,
  isMembershipEvent,
  planCatchUp,
  sseComment,
} from "@/lib/live/rules";
import { HttpError } from "@/lib/server/http";
import type { MembershipContext } from "@/lib/server/authz";

/**
 * What one stream may hold for a client that is not reading (bytes). Past it the stream is closed; the
 * browser reconnects and catches up by Last-Event-ID, so a slow reader costs a reconnect, not server memory.
 */
const STREAM_BUFFER_BYTES = 256 * 1024;
const streamBuffer = () => new ByteLengthQueuingStrategy({ highWaterMark: STREAM_BUFFER_BYTES });

/** Streams one instance holds at most, and one person at most (tabs): every open connection is bounded. */
export const MAX_STREAMS_PER_INSTANCE = 5_000;
export const MAX_STREAMS_PER_USER = 20;

const perUser = new Map<string, number>();

/** Counts an opening stream against the bounds (503 for the instance, 429 for one person). */
function claimSlot(userId: string) {
  if (liveHub().size >= MAX_STREAMS_PER_INSTANCE) {
    throw new HttpError(503, "live.errors.tooManyConnections");
  }
  if ((perUser.get(userId) ?? 0) >= MAX_STREAMS_PER_USER) {
    throw new HttpError(429, "live.errors.tooManyTabs");
  }
  perUser.set(userId, (perUser.get(userId) ?? 0) + 1);
}

function releaseSlot(userId: string) {
  const left = (perUser.get(userId) ?? 1) - 1;
  if (left <= 0) perUser.delete(userId);
  else perUser.set(userId, left);
}

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: no proxy (nor Next's compression) may buffer or gzip the stream.
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
} as const;

export type LiveStreamOptions = {
  membership: MembershipContext;
  recommendationId: string | null;
  lastSeq: bigint | null;
  signal: AbortSignal;
};

/**
 * One browser's live stream of a workspace (the caller has authorized it: lib/live/handlers.ts).
 *
 * Sends, as Server-Sent Events:
 * - `event: change`, `id: <seq>`, data `{ seq, type, trackerId, recommendationId, isOwn }` for each event
 *   of the workspace, live (from the instance's LISTEN hub) and on reconnect (catch-up after Last-Event-ID,
 *   re-reading a window behind it for out-of-order commits; more than CATCH_UP_LIMIT: `event: reload`);
 * - `event: ready`, `id: <latest seq>` first, so the browser holds a cursor even before any change;
 * - `event: notification` when the user's notifications change;
 * - `event: presence`, data `{ viewers }` (others viewing the same recommendation);
 * - `event: revoked` and the end of the stream when the user is no longer a member (checked on member.*
 *   events of the workspace, and every 30 s by the hub for all its streams in one query);
 * - a comment line every 20 s.
 */
export async function openLiveStream(options: LiveStreamOptions): Promise<Response> {
  const { membership, recommendationId, signal } = options;
  const hub = liveHub();
  const userId = membership.user.id;
  const workspaceId = membership.workspace.id;
  if (recommendationId && !(await findStreamRecommendation(workspaceId, recommendationId))) {
    throw new HttpError(404, "errors.notFound.recommendation");
  }
  claimSlot(userId);

  const encoder = new TextEncoder();
  const seen = new SeenSeqs();
  const presenceId = recommendationId ? randomUUID() : null;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let isClosed = false;
  let cursor = options.lastSeq;
  let lastViewers = "";
  const timers: ReturnType<typeof setInterval>[] = [];
  let unsubscribe: () => void = () => undefined;
  /** Work is chained so catch-up, live events and checks never interleave their writes. */
  let chain: Promise<void> = Promise.resolve();
  const serial = (work: () => Promise<void>) => {
    chain = chain
      .then(() => (isClosed ? undefined : work()))
      .catch((error: unknown) => {
        console.error("[live] stream step failed", error);
      });
  };

  const write = (text: string) => {
    if (isClosed) return;
    try {
      controller.enqueue(encoder.encode(text));
      // A client that stops reading: drop it rather than buffer for it; it reconnects with Last-Event-ID.
      if ((controller.desiredSize ?? 1) <= 0) void close();
    } catch {
      void close();
    }
  };
  const sendEvent = (row: LiveEventRow) => {
    if (!isForwarded(row.type) || !seen.add(row.seq.toString())) return;
    if (cursor === null || row.seq > cursor) cursor = row.seq;
    const event = toLiveEvent(row, userId);
    write(formatSse({ event: "change", id: event.seq, data: event }));
  };
  const catchUp = async (after: bigint) => {
    const rows = await listWorkspaceEventsAfter(workspaceId, catchUpFrom(after), CATCH_UP_LIMIT + 1);
    const plan = planCatchUp(rows);
    if (plan.reload) {
      const latest = rows.at(-1)!.seq;
      cursor = latest;
      write(formatSse({ event: "reload", id: latest.toString(), data: { reason: "too-many-changes" } }));
      return;
    }
    for (const row of plan.send) sendEvent(row);
  };
  const sendViewers = async () => {
    if (!recommendationId) return;
    const viewers = (await listViewers(workspaceId, recommendationId)).filter((v) => v.id !== userId);
    const key = JSON.stringify(viewers);
    if (key === lastViewers) return;
    lastViewers = key;
    write(formatSse({ event: "presence", data: { viewers } }));
  };
  const revoke = async () => {
    write(formatSse({ event: "revoked", data: { reason: "no-longer-a-member" } }));
    await close();
  };
  /** On a member.* event of the workspace: re-read this stream's own membership at once. */
  const recheck = async () => {
    if (!(await isStillMember(userId, workspaceId, membership.user.sessionVersion))) await revoke();
  };

  const close = async () => {
    if (isClosed) return;
    isClosed = true;
    unsubscribe();
    for (const timer of timers) clearInterval(timer);
    releaseSlot(userId);
    // Presence goes first, so the stream ends only once the others have been told.
    if (presenceId && recommendationId) {
      await markGone(presenceId, recommendationId).catch((error: unknown) => {
        console.error("[live] could not clear presence", error);
      });
    }
    try {
      controller.close();
    } catch {
      // already closed by the client
    }
  };

  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      cancel() {
        void close();
      },
    },
    streamBuffer(),
  );

  try {
    unsubscribe = await hub.add({
      workspaceId,
      userId,
      recommendationId,
      sessionVersion: membership.user.sessionVersion,
      onRevoked: () => serial(revoke),
      onEvent: (row) =>
        serial(async () => {
          if (isMembershipEvent(row.type)) await recheck();
          sendEvent(row);
        }),
      onNotification: () => write(formatSse({ event: "notification", data: {} })),
      onPresence: () => serial(sendViewers),
      onResync: () => serial(async () => (cursor === null ? undefined : catchUp(cursor))),
    });
  } catch (error) {
    await close();
    throw error;
  }
  signal.addEventListener("abort", () => void close(), { once: true });
  if (signal.aborted) await close();

  write(formatSse({ retry: RETRY_MS, event: "hello", data: {} }));
  serial(async () => {
    if (options.lastSeq !== null) await catchUp(options.lastSeq);
    else {
      const latest = await latestWorkspaceSeq(workspaceId);
      if (cursor === null || latest > cursor) cursor = latest;
    }
    write(formatSse({ event: "ready", id: cursor === null ? "0" : cursor.toString(), data: {} }));
    if (presenceId && recommendationId) {
      await markPresent({ id: presenceId, userId, workspaceId, recommendationId });
      // Closed meanwhile (the browser left at once): take the row back out.
      if (isClosed) await markGone(presenceId, recommendationId);
      else await sendViewers();
    }
  });
  timers.push(setInterval(() => write(sseComment("heartbeat")), HEARTBEAT_MS));
  if (presenceId) {
    timers.push(
      setInterval(
        () =>
          serial(async () => {
            await refreshPresence(presenceId);
            await sendViewers(); // also drops viewers whose instance died (stale rows)
          }),
        PRESENCE_HEARTBEAT_MS,
      ),
    );
  }
  return new Response(body, { status: 200, headers: SSE_HEADERS });
}

/**
 * A signed-in page outside any workspace (home, account): the same stream, carrying only `notification`
 * (the user's own signal), `ready` and heartbeats — no workspace, so no events and no presence.
 */
export async function openUserStream(options: { userId: string; signal: AbortSignal }): Promise<Response> {
  const { userId, signal } = options;
  claimSlot(userId);
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let isClosed = false;
  let unsubscribe: () => void = () => undefined;
  const timer: { heartbeat?: ReturnType<typeof setInterval> } = {};
  const write = (text: string) => {
    if (isClosed) return;
    try {
      controller.enqueue(encoder.encode(text));
      if ((controller.desiredSize ?? 1) <= 0) close();
    } catch {
      close();
    }
  };
  const close = () => {
    if (isClosed) return;
    isClosed = true;
    unsubscribe();
    clearInterval(timer.heartbeat);
    releaseSlot(userId);
    try {
      controller.close();
    } catch {
      // already closed by the client
    }
  };
  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      cancel: close,
    },
    streamBuffer(),
  );
  try {
    unsubscribe = await liveHub().add({
      workspaceId: null,
      userId,
      recommendationId: null,
      sessionVersion: 0,
      onRevoked: () => undefined,
      onEvent: () => undefined,
      onNotification: () => write(formatSse({ event: "notification", data: {} })),
      onPresence: () => undefined,
      onResync: () => undefined,
    });
  } catch (error) {
    close();
    throw error;
  }
  signal.addEventListener("abort", close, { once: true });
  if (signal.aborted) close();
  write(formatSse({ retry: RETRY_MS, event: "ready", data: {} }));
  timer.heartbeat = setInterval(() => write(sseComment("heartbeat")), HEARTBEAT_MS);
  return new Response(body, { status: 200, headers: SSE_HEADERS });
}
