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

// Server actions (runAction), route handlers (jsonRoute) and pages translate with next-intl's request
// functions, which only run inside React Server Components. Here they answer in English, the default
// language, from the real catalogue and formats (a missing key throws instead of printing the key).
vi.mock("next-intl/server", async () => {
  const { createFormatter, createTranslator } = await import("next-intl");
  const { formats } = await import("@/i18n/formats");
  const messages = (await import("@/messages/en.json")).default;
  const config = { locale: "en" as const, formats, timeZone: "UTC" };
  const namespaceOf = (arg?: string | { namespace?: string }) =>
    typeof arg === "string" ? arg : arg?.namespace;
  return {
    getTranslations: async (arg?: string | { namespace?: string }) =>
      createTranslator({
        ...config,
        messages,
        namespace: namespaceOf(arg) as never,
        onError: (error) => {
          throw error;
        },
      }),
    getFormatter: async () => createFormatter(config),
    getLocale: async () => "en",
    getMessages: async () => messages,
    getTimeZone: async () => "UTC",
    getNow: async () => new Date(),
  };
});
