/** Validates the environment when the server starts, so a bad value is a clear startup error. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/lib/server/env");
    env();
  }
}
