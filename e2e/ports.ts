import os from "node:os";
import path from "node:path";

/** Ports of the end-to-end stack; E2E_PORT_BASE moves them all (to run two suites side by side). */
const base = Number(process.env.E2E_PORT_BASE ?? 3100);

export const E2E = {
  appPort: base,
  mailApiPort: base + 1,
  smtpPort: base + 25,
  baseUrl: `http://localhost:${base}`,
} as const;

/** Where the e2e server leaves its throwaway database URL for specs that read or seed rows directly. */
export const e2eStackFile = () => path.join(os.tmpdir(), `advocacy-e2e-stack-${E2E.appPort}.json`);
