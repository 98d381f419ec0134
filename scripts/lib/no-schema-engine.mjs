#!/usr/bin/env node
/**
 * Placeholder for PRISMA_SCHEMA_ENGINE_BINARY (see scripts/prisma.ts). It is given only to Prisma commands
 * that never start the schema engine (generate, validate, format), in an install that has neither Prisma's
 * native engine nor the offline stand-in: e.g. the postinstall `prisma generate` of `npm ci --omit=dev` on a
 * machine without internet access. The CLI only checks that the file exists. Should it ever run, it
 * explains and fails.
 */
process.stderr.write(
  "No Prisma schema engine is installed. On a machine with internet access, run `npx prisma --version` once " +
    "in the project folder (the Prisma CLI downloads the native engine), or install the development " +
    "dependencies (`npm ci`) for the offline stand-in in scripts/schema-engine/.\n",
);
process.exit(1);
