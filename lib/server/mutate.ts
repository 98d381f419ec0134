import "server-only";
import { db, type Tx } from "@/lib/server/db";
import { refusalIn, requireMembership, type MembershipContext } from "@/lib/server/authz";
import { DalError } from "@/lib/server/errors";
import { recordEvent } from "@/lib/server/events";
import type { EventPayload, EventType } from "@/lib/events/catalog";
import type { Permission } from "@/lib/permissions";
import { isWriteConflict } from "@/lib/server/prisma-errors";

/**
 * How many times a mutation runs when PostgreSQL aborts it for a deadlock or a serialization failure (two
 * writers locking the same rows in opposite orders, e.g. an owner change and a bulk move of the same
 * recommendations): the transaction was rolled back whole, so it runs again from the start.
 */
const WRITE_CONFLICT_ATTEMPTS = 3;

/** An event of the mutation's workspace, by its actor: the helper fills in who and where. */
export type WorkspaceEvent<T extends EventType = EventType> = {
  type: T;
  data: EventPayload<T>;
  trackerId?: string | null;
  recommendationId?: string | null;
};

export type Mutation = {
  tx: Tx;
  ctx: MembershipContext;
  /** Writes a typed event in this transaction (announced to subscribers on commit). */
  emit: <T extends EventType>(event: WorkspaceEvent<T>) => Promise<string>;
  /** Declares that this call changed nothing (e.g. ticking an already-done box), so it needs no event. */
  unchanged: () => void;
};

/**
 * The one way a workspace mutation runs: authorize (membership re-read from the database, and the
 * permission when given; finer rules such as "own comment" are checked inside `run`) → one transaction →
 * the change and its typed event(s) together → the result. A mutation that commits without an event is a
 * bug: it throws, and nothing is written (unless it declares that it changed nothing).
 */
export async function mutate<R>(
  workspaceSlug: string,
  permission: Permission | null,
  run: (mutation: Mutation) => Promise<R>,
  options: { timeout?: number } = {},
): Promise<R> {
  const ctx = await requireMembership(workspaceSlug, permission ?? undefined);
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        return await runInTransaction(ctx, run, options);
      } catch (error) {
        if (!isWriteConflict(error) || attempt >= WRITE_CONFLICT_ATTEMPTS) throw error;
      }
    }
  } catch (error) {
    // A finer rule refused inside the mutation (e.g. someone else's comment): audit it like a role refusal.
    if (error instanceof DalError && error.code === "FORBIDDEN" && !error.refusal)
      error.withRefusal(refusalIn(ctx, permission));
    throw error;
  }
}

function runInTransaction<R>(
  ctx: MembershipContext,
  run: (mutation: Mutation) => Promise<R>,
  options: { timeout?: number },
): Promise<R> {
  return db.$transaction(
    async (tx) => {
      let events = 0;
      let isUnchanged = false;
      const emit: Mutation["emit"] = (event) => {
        events += 1;
        return recordEvent(tx, { ...event, actorId: ctx.user.id, workspaceId: ctx.workspace.id });
      };
      const result = await run({ tx, ctx, emit, unchanged: () => (isUnchanged = true) });
      if (events === 0 && !isUnchanged)
        throw new Error("A workspace mutation tried to commit without its event.");
      return result;
    },
    options.timeout ? { timeout: options.timeout } : undefined,
  );
}
