export const E2E = {
  appPort: 3100,
  smtpPort: 3125,
  mailApiPort: 3101,
  baseUrl: "http://localhost:3100",
} as const;
