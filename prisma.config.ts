/**
 * Prisma CLI configuration (Prisma 7). Run the CLI through `npm run prisma -- …` (scripts/prisma.ts), which
 * supplies a schema engine when Prisma's native one cannot be downloaded.
 */
import { defineConfig } from "prisma/config";

/**
 * Commands that need no database (`prisma generate`, `migrate diff --from-empty --to-schema …`) must work in a
 * fresh clone without DATABASE_URL, so there is a placeholder rather than `env("DATABASE_URL")`, which throws
 * when the variable is unset. Its name shows up in the error of any command that does need a database.
 */
const PLACEHOLDER_DATABASE_URL = "postgresql://unset:unset@localhost:5432/DATABASE_URL_is_not_set";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: process.env.DATABASE_URL || PLACEHOLDER_DATABASE_URL,
  },
});
