import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/server/env";

export type MailMessage = { to: string; subject: string; text: string };

let transporter: Transporter | undefined;

/** The one mail module: SMTP when SMTP_URL is set, otherwise the message goes to the server log. */
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
  });
  return { delivered: "smtp" };
}

export function isSmtpConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

export function appUrl(path: string): string {
  return new URL(path, env().APP_URL).toString();
}
