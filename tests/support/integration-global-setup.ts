import type { TestProject } from "vitest/node";
import { startThrowawayPostgres, type RunningDatabase } from "../../scripts/lib/embedded-db";
import { runPrisma } from "../../scripts/prisma";

let db: RunningDatabase | undefined;

/** One throwaway embedded PostgreSQL for the integration run, migrated with the committed migrations. */
export async function setup(project: TestProject) {
  db = await startThrowawayPostgres("integration");
  await runPrisma(["migrate", "deploy"], { ...process.env, DATABASE_URL: db.url });
  project.provide("databaseUrl", db.url);
}

export async function teardown() {
  await db?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
