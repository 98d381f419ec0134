import "server-only";
/** Expected failures thrown by queries and mutations, turned into ActionResults by runAction. */
import type { Conflict } from "@/lib/action-result";

export type DalErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID" | "RATE_LIMITED";

/** Who was refused what, where: runAction writes it to the audit log as an access.refused event. */
export type Refusal = {
  userId: string;
  /** The workspace when the user is a member (the event then shows in its audit log); null otherwise. */
  workspaceId: string | null;
  workspaceSlug: string;
  permission: string | null;
  reason: "not_a_member" | "not_allowed";
};

export class DalError extends Error {
  /** Set when this error refuses access (not for a merely missing row): the refusal is audited. */
  refusal?: Refusal;

  constructor(
    public readonly code: DalErrorCode,
    message: string,
    public readonly fieldErrors?: Record<string, string[]>,
    public readonly conflict?: Conflict,
  ) {
    super(message);
    this.name = "DalError";
  }

  withRefusal(refusal: Refusal): this {
    this.refusal = refusal;
    return this;
  }
}

export const notFoundError = (what = "That item") => new DalError("NOT_FOUND", `${what} was not found.`);

export const forbiddenError = (message = "You are not allowed to do that.") =>
  new DalError("FORBIDDEN", message);
