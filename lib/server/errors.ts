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

  /** Values for the message's placeholders: the message is a catalogue key ("errors.notFound"). */
  values?: Record<string, string | number>;

  constructor(
    public readonly code: DalErrorCode,
    /** A catalogue key, translated into the reader's language by runAction. */
    message: string,
    public readonly fieldErrors?: Record<string, string[]>,
    public readonly conflict?: Conflict,
  ) {
    super(message);
    this.name = "DalError";
  }

  withValues(values: Record<string, string | number>): this {
    this.values = values;
    return this;
  }

  withRefusal(refusal: Refusal): this {
    this.refusal = refusal;
    return this;
  }
}

/** key: what was not found, e.g. "errors.notFound.recommendation" (default: "errors.notFound.item"). */
export const notFoundError = (key = "errors.notFound.item") => new DalError("NOT_FOUND", key);

export const forbiddenError = (key = "errors.forbidden") => new DalError("FORBIDDEN", key);
