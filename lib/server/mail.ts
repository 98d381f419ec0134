import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/server/env";

/**
 * A message for the one mailer. `html` is optional (account mail is plain text); `headers` carries extra
 * headers such as RFC 8058's List-Unsubscribe / List-Unsubscribe-Post.
 */
export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
};

let transporter: Transporter | undefined;

/**
 * The one mail module (account mail and notifications both send through it): SMTP when SMTP_URL is set,
 * otherwise the message goes to the server log. Throws when the SMTP server refuses or is unreachable: the
 * caller's queue (pg-boss, or the account mail table) retries.
 */
export async function sendMail(message: MailMessage): Promise<{ delivered: "smtp" | "log" }> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) {
    console.info(
      `\n[mail] SMTP_URL is not set; logging instead of sending.\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n`,
    );
    return { delivered: "log" };
  }
  transporter ??= nodemailer.createTransport(SMTP_URL);
  await transporter.sendMail({
    from: MAIL_FROM,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    ...(message.headers ? { headers: message.headers } : {}),
  });
  return { delivered: "smtp" };
}

export function isSmtpConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

export function appUrl(path: string): string {
  return new URL(path, env().APP_URL).toString();
}
