import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { createToken } from "@/lib/server/auth/tokens";
import { recordEvent } from "@/lib/server/events";
import { appUrl, sendMail } from "@/lib/server/mail";
import { emailLocale } from "@/i18n/resolve";
import { translatorFor } from "@/lib/i18n/server";

/**
 * Account emails (sign-up and password reset) are queued as rows and sent after the answer. The
 * request does the same work for every address (count the limits, insert one row), so neither its
 * answer nor its timing says whether the address has an account, and a slow SMTP server does not
 * slow it down. The queue is a table, so any instance can send what another queued; a job whose
 * sender died is picked up again after CLAIM_TIMEOUT by the next run.
 */
export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;
export const SIGN_UP_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
const CLAIM_TIMEOUT_SECONDS = 120;
const MAX_ATTEMPTS = 5;

/**
 * `locale` is the language of the request that queued the email (a visitor has no profile yet); an
 * existing account's own language wins over it. Jobs queued before it existed have none: English.
 */
const SignUpPayload = z.object({
  name: z.string(),
  passwordHash: z.string(),
  callbackUrl: z.string(),
  locale: z.string().optional(),
});
const ResetPayload = z.object({ locale: z.string().optional() }).catch({});

export type AccountMailKind = "password_reset" | "sign_up";

export async function enqueueAccountMail(
  kind: AccountMailKind,
  email: string,
  payload: Record<string, string> = {},
): Promise<void> {
  await db.accountMailJob.create({ data: { kind, email, payload } });
  kickAccountMail();
}

let running: Promise<number> | undefined;
let again = false;

/** Starts sending queued emails in the background (one run per process at a time). */
export function kickAccountMail(): void {
  if (running) {
    again = true;
    return;
  }
  running = (async () => {
    let sent = 0;
    do {
      again = false;
      sent += await processAccountMailJobs();
    } while (again);
    return sent;
  })()
    .catch((error: unknown) => {
      console.error("[mail] account mail queue failed", error);
      return 0;
    })
    .finally(() => {
      running = undefined;
    });
}

/** Waits until this process has sent what is queued (tests, graceful shutdown). */
export async function drainAccountMail(): Promise<void> {
  while (running) await running;
  await processAccountMailJobs();
}

type ClaimedJob = { id: string; kind: string; email: string; payload: unknown };

/** Claims up to 20 due jobs (SKIP LOCKED: instances never take the same job) and sends them. */
export async function processAccountMailJobs(): Promise<number> {
  const jobs = await db.$queryRaw<ClaimedJob[]>`
    UPDATE "AccountMailJob" SET "claimedAt" = now(), attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "AccountMailJob"
      WHERE ("claimedAt" IS NULL OR "claimedAt" < now() - make_interval(secs => ${CLAIM_TIMEOUT_SECONDS}))
        AND attempts < ${MAX_ATTEMPTS}
      ORDER BY "createdAt" LIMIT 20 FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, email, payload`;
  let sent = 0;
  for (const job of jobs) {
    try {
      if (job.kind === "password_reset")
        await sendPasswordReset(job.email, ResetPayload.parse(job.payload ?? {}).locale);
      else if (job.kind === "sign_up") await sendSignUp(job.email, SignUpPayload.parse(job.payload));
      await db.accountMailJob.delete({ where: { id: job.id } });
      sent += 1;
    } catch (error) {
      console.error(`[mail] ${job.kind} email failed; it will be retried`, error);
      await db.accountMailJob.update({
        where: { id: job.id },
        data: { lastError: error instanceof Error ? error.message.slice(0, 500) : "unknown error" },
      });
    }
  }
  return sent;
}

/** A new link replaces every older unused one, so at most one reset link is alive per account. */
async function sendPasswordReset(email: string, requestLocale?: string): Promise<void> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, locale: true },
  });
  if (!user) return; // no account: nothing to send (the requester got the same answer)
  const { token, tokenHash } = createToken();
  await db.$transaction(async (tx) => {
    await tx.passwordResetToken.updateMany({
      where: { userId: user.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash, expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS) },
    });
    await recordEvent(tx, { type: "account.password_reset_requested", actorId: user.id, data: {} });
  });
  const locale = emailLocale(user.locale, requestLocale);
  const t = await translatorFor(locale, "accountEmails.passwordReset");
  await sendMail({
    to: user.email,
    subject: t("subject"),
    text: t("body", { name: user.name, link: appUrl(`/reset-password/${token}`) }),
  });
}

/**
 * New address: store the sign-up (the account is created when the link is opened) and send the link.
 * Existing account: tell its owner, with links to sign in or reset the password.
 */
async function sendSignUp(email: string, payload: z.infer<typeof SignUpPayload>): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { name: true, locale: true } });
  if (user) {
    const locale = emailLocale(user.locale, payload.locale);
    const t = await translatorFor(locale, "accountEmails.signUpExists");
    await sendMail({
      to: email,
      subject: t("subject"),
      text: t("body", {
        name: user.name,
        signInLink: appUrl(`/sign-in?${new URLSearchParams({ email, callbackUrl: payload.callbackUrl })}`),
        forgotLink: appUrl("/forgot-password"),
      }),
    });
    return;
  }
  const { token, tokenHash } = createToken();
  await db.$transaction(async (tx) => {
    await tx.pendingSignUp.updateMany({ where: { email, usedAt: null }, data: { usedAt: new Date() } });
    await tx.pendingSignUp.create({
      data: {
        email,
        name: payload.name,
        passwordHash: payload.passwordHash,
        callbackUrl: payload.callbackUrl,
        tokenHash,
        expiresAt: new Date(Date.now() + SIGN_UP_TOKEN_TTL_MS),
      },
    });
  });
  const locale = emailLocale(payload.locale);
  const t = await translatorFor(locale, "accountEmails.signUp");
  await sendMail({
    to: email,
    subject: t("subject"),
    text: t("body", { name: payload.name, link: appUrl(`/verify-email/${token}`) }),
  });
}
