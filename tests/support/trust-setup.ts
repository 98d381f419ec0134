import { vi } from "vitest";

// Server actions call revalidatePath, which needs Next's request store; here it has nothing to refresh.
// unstable_cache (the public scorecard's data cache) runs its function uncached.
vi.mock("next/cache", () => ({
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  unstable_cache:
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A) =>
      fn(...args),
}));

// next.config.js enables experimental.authInterrupts; Next passes it to forbidden() through this variable.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
