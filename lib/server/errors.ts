import "server-only";
/** Expected failures thrown by queries and mutations, turned into ActionResults by runAction. */
import type { Conflict } from "@/lib/action-result";

export type DalErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID" | "RATE_LIMITED";

export class DalError extends Error {
  constructor(
    public readonly code: DalErrorCode,
    message: string,
    public readonly fieldErrors?: Record<string, string[]>,
    public readonly conflict?: Conflict,
  ) {
    super(message);
    this.name = "DalError";
  }
}

export const notFoundError = (what = "That item") => new DalError("NOT_FOUND", `${what} was not found.`);

export const forbiddenError = (message = "You are not allowed to do that.") =>
  new DalError("FORBIDDEN", message);
