/**
 * Integration tests call the data layer as a given user. Only the session lookup is replaced (in
 * integration-setup.ts); the database, the DAL and its authorization checks are the real ones.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { SessionUser } from "@/lib/accounts/queries";

let current: SessionUser | null = null;
const scoped = new AsyncLocalStorage<SessionUser | null>();

/** Sets the signed-in user for what follows. */
export function actAs(user: SessionUser | null) {
  current = user;
}

/** Runs `work` as `user`, even while other calls run concurrently as someone else. */
export function runAs<T>(user: SessionUser | null, work: () => Promise<T>): Promise<T> {
  return scoped.run(user, work);
}

export function currentUser(): SessionUser | null {
  const store = scoped.getStore();
  return store === undefined ? current : store;
}
