import "server-only";
import { z } from "zod";
import { parseTrustProxy } from "@/lib/trust-proxy";

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "DATABASE_URL is required (postgresql://user:password@host:5432/db)" })
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
    AUTH_SECRET: z.string().optional(),
    APP_URL: z.url().default("http://localhost:3000"),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default("Advocacy Tracker <no-reply@localhost>"),
    /** Background workers per queue on this instance (lib/server/jobs.ts); 0 serves web requests only. */
    JOB_WORKERS: z.coerce.number().int().min(0).max(8).default(1),
    /** How often an idle worker asks PostgreSQL for a job. */
    JOB_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(1),
    /**
     * An import whose worker has not written a heartbeat for this long is taken to be dead (its instance
     * crashed or was killed) and is run again by another worker (lib/import/worker.ts).
     */
    IMPORT_STALE_SECONDS: z.coerce.number().int().min(3).max(3600).default(60),
    /** Which proxies may name the client's address (lib/trust-proxy.ts). Unset: trust no forwarded header. */
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value, ctx) => {
        try {
          return parseTrustProxy(value);
        } catch (error) {
          ctx.addIssue({
            code: "custom",
            message: `TRUST_PROXY must be unset/false, true, a hop count, or a list of addresses or CIDRs (${error instanceof Error ? error.message : error})`,
          });
          return z.NEVER;
        }
      }),
    /** Sign-up and password-reset emails one client address may trigger per hour. */
    ACCOUNT_EMAILS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(20),
    /**
     * Named (prepared) statements, parsed once per connection (lib/server/db.ts). "0" for a pooler that cannot
     * keep them (PgBouncer in transaction mode before 1.21, without max_prepared_statements).
     */
    DATABASE_PREPARED_STATEMENTS: z
      .enum(["0", "1", ""])
      .optional()
      .transform((value) => value !== "0"),
    /** "1" offers the right-to-left pseudo-locale ar-XB (the e2e server); never set it for users. */
    PSEUDO_LOCALE: z
      .enum(["0", "1", ""])
      .optional()
      .transform((value) => value === "1"),
  })
  .superRefine((env, ctx) => {
    const secret = env.AUTH_SECRET ?? "";
    if (env.NODE_ENV === "production" && secret.length < 32) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: secret
          ? "AUTH_SECRET is too short: use at least 32 characters (openssl rand -base64 32)"
          : "AUTH_SECRET is missing: set it to at least 32 random characters (openssl rand -base64 32)",
      });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** The validated environment. Read once; a bad value stops the server at startup with a clear message. */
export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  - ${issue.path.join(".") || "env"}: ${issue.message}`,
    );
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

export const isProduction = () => env().NODE_ENV === "production";
