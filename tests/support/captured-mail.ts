/**
 * For tests that mock "@/lib/server/mail": every message the app sends lands in `sentMail`.
 *   vi.mock("@/lib/server/mail", () => import("../support/captured-mail"));
 */
import type { MailMessage } from "@/lib/server/mail";

export const sentMail: MailMessage[] = [];

export async function sendMail(message: MailMessage): Promise<{ delivered: "log" }> {
  sentMail.push(message);
  return { delivered: "log" };
}

export const isSmtpConfigured = () => true;

export const appUrl = (path: string) => new URL(path, "http://localhost:3000").toString();

export const mailTo = (email: string) => sentMail.filter((message) => message.to === email);

/** The token at the end of the first link in `text` whose path contains `pathPart`. */
export function tokenFrom(text: string, pathPart: string): string {
  const match = new RegExp(`${pathPart}([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no ${pathPart} link in:\n${text}`);
  return match[1]!;
}
