import { vi } from "vitest";

// Server actions call revalidatePath, which needs Next's request store; here it has nothing to refresh.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

// next.config.js enables experimental.authInterrupts; Next passes it to forbidden() through this variable.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
