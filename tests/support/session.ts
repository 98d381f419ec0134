/**
 * Integration tests call the data layer as a given user. Only the session lookup is replaced (in
 * integration-setup.ts); the database, the DAL and its authorization checks are the real ones.
 */
import type { SessionUser } from "@/lib/accounts/queries";

let current: SessionUser | null = null;

export function actAs(user: SessionUser | null) {
  current = user;
}

export function currentUser(): SessionUser | null {
  return current;
}
