import "server-only";
import { db } from "@/lib/server/db";

export async function isDatabaseReachable(): Promise<boolean> {
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 3_000)),
    ]);
    return true;
  } catch {
    return false;
  }
}
