import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { actAs } from "../support/session";
import { createUser, requestPasswordReset, requestSignUp } from "@/lib/accounts/mutations";
import { drainAccountMail } from "@/lib/accounts/mail-jobs";
import { createWorkspace } from "@/lib/workspaces/mutations";
import { inviteMember } from "@/lib/invitations/mutations";
import { mailTo } from "../support/captured-mail";

vi.mock("@/lib/server/mail", () => import("../support/captured-mail"));

/**
 * Account emails go out in the recipient's language: an account's own choice (User.locale), else the
 * language of the request that asked for them (a visitor has no profile), and invitations in the
 * inviting workspace's default language when the invitee has no account yet.
 */
let n = 0;
const email = (label: string) => `${label}-${Date.now()}-${++n}@it.test`;
const ip = () => `203.0.113.${(++n % 250) + 1}`;
const PASSWORD = "integration passphrase";

async function lastMailTo(address: string) {
  await drainAccountMail();
  const mail = mailTo(address).at(-1);
  expect(mail, `an email to ${address}`).toBeDefined();
  return mail!;
}

describe("account emails in the recipient's language", () => {
  it("a French user's password reset is in French, even when asked for from an English page", async () => {
    const user = await createUser({ name: "Amélie", email: email("fr-reset"), password: PASSWORD });
    await db.user.update({ where: { id: user.id }, data: { locale: "fr" } });
    await requestPasswordReset(user.email, ip(), "en");
    const mail = await lastMailTo(user.email);
    expect(mail.subject).toBe("Réinitialisez votre mot de passe Advocacy Tracker");
    expect(mail.text).toContain("Bonjour Amélie,");
    expect(mail.text).toContain("Ouvrez ce lien dans les 60 minutes");
    expect(mail.text).toMatch(/\/reset-password\/[\w-]+/);
    expect(mail.text).not.toMatch(/Hello|Someone \(hopefully you\)|Open this link/);
  });

  it("a user without a language choice gets the language of the request", async () => {
    const user = await createUser({ name: "Pilar", email: email("es-reset"), password: PASSWORD });
    await requestPasswordReset(user.email, ip(), "es");
    const mail = await lastMailTo(user.email);
    expect(mail.subject).toBe("Restablezca su contraseña de Advocacy Tracker");
    expect(mail.text).not.toMatch(/Hello|Open this link/);
  });

  it("a visitor's sign-up link is in the language of the sign-up page", async () => {
    const address = email("fr-signup");
    await requestSignUp({ name: "Jeanne", email: address, password: PASSWORD, callbackUrl: "/" }, ip(), "fr");
    const mail = await lastMailTo(address);
    expect(mail.subject).toMatch(/^Confirmez votre adresse e-mail/);
    expect(mail.text).toContain("Bonjour Jeanne,");
    expect(mail.text).toMatch(/\/verify-email\/[\w-]+/);
    expect(mail.text).not.toMatch(/Hello|Open this link within 24 hours/);
  });

  it("without a language (older jobs, the pseudo-locale) the email is in English", async () => {
    const address = email("en-signup");
    await requestSignUp({ name: "Ada", email: address, password: PASSWORD, callbackUrl: "/" }, ip(), "ar-XB");
    const mail = await lastMailTo(address);
    expect(mail.subject).toBe("Confirm your email to finish creating your Advocacy Tracker account");
    expect(mail.text).toContain("Hello Ada,");
  });

  it("an invitation is in the workspace's default language, role included", async () => {
    const owner = await createUser({ name: "Owner", email: email("owner"), password: PASSWORD });
    actAs(owner);
    const ws = await createWorkspace(owner, { name: "Coalition FR", slug: `coalition-fr-${Date.now()}` });
    await db.workspace.update({ where: { id: ws.id }, data: { defaultLocale: "fr" } });
    const invitee = email("invitee");
    await inviteMember(ws.slug, invitee, "EDITOR", ip());
    const mail = mailTo(invitee).at(-1)!;
    expect(mail.subject).toBe("Owner vous invite à rejoindre Coalition FR sur Advocacy Tracker");
    expect(mail.text).toContain("en tant qu’éditeur·rice");
    expect(mail.text).toMatch(/\/invite\/[\w-]+/);
    expect(mail.text).not.toMatch(/invited you|Accept the invitation/);

    // Someone who already has an account gets it in their own language.
    const colleague = await createUser({ name: "Colleague", email: email("es-user"), password: PASSWORD });
    await db.user.update({ where: { id: colleague.id }, data: { locale: "es" } });
    await inviteMember(ws.slug, colleague.email, "VIEWER", ip());
    const spanish = mailTo(colleague.email).at(-1)!;
    expect(spanish.subject).toBe("Owner le invitó a Coalition FR en Advocacy Tracker");
    expect(spanish.text).toContain("como lector/a");
    actAs(null);
  });
});
