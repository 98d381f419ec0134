/** What every server action returns. It goes to the browser: never put rows or raw errors in it. */
export type ActionResult<T = null> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      /** A catalogue key ("errors.notFound") or text already in the reader's language; runAction translates keys. */
      formError?: string;
      /** Values for formError's placeholders when it is a key. */
      values?: Record<string, string | number>;
      fieldErrors?: Record<string, string[] | undefined>;
      conflict?: Conflict;
      /** Why it failed, for expected failures: NOT_FOUND, FORBIDDEN, CONFLICT, INVALID, RATE_LIMITED. */
      code?: string;
    };

/** A stale edit: someone saved first. Carries what is there now, so the user can re-apply theirs. */
export type Conflict = { field: string; currentValue: string; currentVersion: number; updatedBy?: string };

export const initialActionState = { ok: false } as ActionResult;

/** Success with nothing to return but a message for the toast. */
export function success(message?: string): ActionResult<null> {
  return { ok: true, data: null, message };
}

export function successWith<T>(data: T, message?: string): ActionResult<T> {
  return { ok: true, data, message };
}

export function failure(formError: string, fieldErrors?: Record<string, string[]>): ActionResult<never> {
  return { ok: false, formError, fieldErrors };
}
