import { inject, vi } from "vitest";

const url = inject("databaseUrl");
// Refuse to run destructive test setup against anything but the local throwaway database.
if (!/^postgresql:\/\/[^@]+@127\.0\.0\.1:\d+\/integration$/.test(url)) {
  throw new Error(`Integration tests only run against the local throwaway database, not ${url}`);
}
process.env.DATABASE_URL = url;
(process.env as Record<string, string>).NODE_ENV = "test";

vi.mock("@/lib/server/auth/session", async () => {
  const { currentUser } = await import("./session");
  return {
    getCurrentUser: async () => currentUser(),
    requireUser: async () => {
      const user = currentUser();
      if (!user) {
        const { redirect } = await import("next/navigation");
        redirect("/sign-in");
      }
      return user;
    },
  };
});

// No Next.js request here: next-intl's request functions read the test's language instead (English
// unless a test calls setTestLocale from ./request-intl).
vi.mock("next-intl/server", () => import("./request-intl"));
