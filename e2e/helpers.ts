import { expect, type Page } from "@playwright/test";
import { E2E } from "./ports";

export const PASSWORD = "correct horse battery staple";

let counter = 0;
/** A unique address per test, so specs never share users. */
export function uniqueEmail(label: string): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 6)}@e2e.test`;
}

export function uniqueSlug(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Signs up through the real flow: the form answers "Check your inbox", the app emails a link (read from
 * the capturing SMTP server), and confirming it creates the account, signs in and follows callbackUrl.
 */
export async function signUp(
  page: Page,
  user: { name: string; email: string; password?: string },
  path = "/sign-up",
) {
  await page.goto(path);
  await page.getByLabel("Name").fill(user.name);
  const email = page.getByLabel("Email");
  if ((await email.inputValue()) !== user.email) await email.fill(user.email);
  await page.getByLabel("Password").fill(user.password ?? PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await expect(page.getByRole("status").getByText(user.email)).toBeVisible();
  const link = await linkFromMail(user.email, "/verify-email/");
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm and sign in" }).click();
  await expect(page).not.toHaveURL(/\/verify-email\//);
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

export async function createWorkspace(page: Page, name: string, slug: string) {
  await page.goto("/w/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}$`));
}

type Mail = { to: string[]; raw: string };

/** Reads the emails the app sent over SMTP to the capturing server. */
export async function mailsTo(email: string): Promise<Mail[]> {
  const response = await fetch(`http://127.0.0.1:${E2E.mailApiPort}/?to=${encodeURIComponent(email)}`);
  return (await response.json()) as Mail[];
}

/** The first link in the newest email to `email` whose URL contains `pathPart`. */
export async function linkFromMail(email: string, pathPart: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const mails = await mailsTo(email);
      const raw =
        mails
          .at(-1)
          ?.raw.replace(/=\r?\n/g, "")
          .replace(/=3D/g, "=") ?? "";
      link = raw.match(new RegExp(`https?://[^\\s"]*${pathPart}[^\\s"]*`))?.[0];
      return link;
    })
    .toBeTruthy();
  return link!;
}

/** Invites `email` with `role` from the owner's members page and returns the invitation link. */
export async function inviteLink(
  owner: Page,
  slug: string,
  email: string,
  role: "VIEWER" | "EDITOR" | "ADMIN",
) {
  await owner.goto(`/w/${slug}/members`);
  await owner.getByLabel("Email").fill(email);
  await owner.getByLabel("Role", { exact: true }).selectOption(role);
  await owner.getByRole("button", { name: "Create invitation" }).click();
  const link = owner.getByLabel(/Invitation link/);
  await expect(link).toBeVisible();
  return link.inputValue();
}

/** Signs a new user up through an invitation link and accepts it. */
export async function joinWithLink(page: Page, link: string, name: string, email: string) {
  await page.goto(link);
  await page.getByRole("link", { name: "Sign up to accept" }).click();
  await expect(page).toHaveURL(/\/sign-up\?/);
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await signUp(page, { name, email }, page.url());
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+$/);
}

/** A fresh team: an owner with a workspace and a tracker holding one recommendation, plus an editor. */
export async function setupTeam(browser: import("@playwright/test").Browser, label: string) {
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const slug = uniqueSlug(label);
  await signUp(owner, { name: "Olivia Owner", email: uniqueEmail(`${label}-owner`) });
  await createWorkspace(owner, `${label} coalition`, slug);
  await owner.getByRole("button", { name: "New tracker" }).click();
  await owner.getByLabel("Name").fill("Agenda tracker");
  await owner.getByLabel("Sections, one per line").fill("Reverse and Revoke\nReengage");
  await owner.getByRole("button", { name: "Create tracker" }).click();
  await expect(owner.getByRole("heading", { name: "Agenda tracker" })).toBeVisible();
  const trackerUrl = owner.url();
  await owner.getByRole("button", { name: "New recommendation" }).click();
  await owner.getByLabel("Short title").fill("Rejoin the UN Human Rights Council");
  await owner
    .getByLabel("Full text")
    .fill("The United States should rejoin the UN Human Rights Council and seek election.");
  await owner.getByRole("button", { name: "Add recommendation" }).click();
  await expect(
    owner.getByRole("heading", { level: 1, name: "Rejoin the UN Human Rights Council" }),
  ).toBeVisible();
  const recUrl = owner.url();

  const editorEmail = uniqueEmail(`${label}-editor`);
  const link = await inviteLink(owner, slug, editorEmail, "EDITOR");
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await joinWithLink(editor, link, "Eddie Editor", editorEmail);
  return {
    slug,
    owner,
    editor,
    trackerUrl,
    recUrl,
    editorEmail,
    close: async () => Promise.all([ownerContext.close(), editorContext.close()]),
  };
}
