/**
 * The team's shared data sits beside the repository (../shared), as on every development and CI
 * machine; SHARED_DIR overrides it.
 */
import path from "node:path";

const repoRoot = path.resolve(import.meta.dirname, "../..");
export const SHARED_DIR = process.env.SHARED_DIR ?? path.resolve(repoRoot, "../shared");
export const UPR_CSV = path.join(SHARED_DIR, "data/upr-info-sessions-1-5.csv");
