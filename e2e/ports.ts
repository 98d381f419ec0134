/** Ports of the end-to-end stack; E2E_PORT_BASE moves them all (to run two suites side by side). */
const base = Number(process.env.E2E_PORT_BASE ?? 3100);

export const E2E = {
  appPort: base,
  mailApiPort: base + 1,
  smtpPort: base + 25,
  baseUrl: `http://localhost:${base}`,
} as const;
