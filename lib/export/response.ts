import "server-only";
import { unstable_rethrow } from "next/navigation";
import { DalError } from "@/lib/server/errors";

/** Route handlers: a missing tracker or a non-member is a plain 404, like every workspace URL. */
export function exportErrorResponse(error: unknown): Response {
  unstable_rethrow(error);
  if (error instanceof DalError && error.code === "NOT_FOUND")
    return new Response("Not found", { status: 404 });
  if (error instanceof DalError && error.code === "FORBIDDEN")
    return new Response("Forbidden", { status: 403 });
  console.error("[export] unexpected error", error);
  return new Response("Something went wrong", { status: 500 });
}
