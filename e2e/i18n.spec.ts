import fs from "node:fs";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, DEMO_WORKSPACE } from "../prisma/seed";
import { linkFromMail, mailsTo, signIn, uniqueEmail } from "./helpers";
import { E2E } from "./ports";
import { openDb } from "./trust/support";

/**
 * Every page in French and in Spanish, checked for English left in the UI: the English catalogue's
 * phrases that the target catalogue does not also use (proper nouns and shared words such as "Sections"
 * are therefore allowed) must not appear in visible text, aria-labels, titles or placeholders. User
 * content is exempt: it is marked with its own lang (the demo tracker declares "en"). A catalogue key
 * showing instead of its text (a missing message) fails too.
 * Then the right-to-left pseudo-locale (ar-XB: accented, elongated strings, dir="rtl"): screenshots of the
 * main pages, no horizontal overflow, no clipped text, no overlapping controls, direction icons mirrored.
 */

type Catalogue = { [key: string]: string | Catalogue };
const catalogues = Object.fromEntries(
  (["en", "fr", "es"] as const).map((locale) => [
    locale,
    JSON.parse(fs.readFileSync(`messages/${locale}.json`, "utf8")) as Catalogue,
  ]),
) as Record<"en" | "fr" | "es", Catalogue>;

function values(catalogue: Catalogue): string[] {
  return Object.values(catalogue).flatMap((v) => (typeof v === "string" ? [v] : values(v)));
}

function keys(catalogue: Catalogue, prefix = ""): string[] {
  return Object.entries(catalogue).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

/** The literal runs of an ICU message ("{count, plural, one {# item} other {# items}} left" → "item", "items", "left"). */
function literals(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((element) => {
    if (element.type === TYPE.literal) return [element.value];
    if (element.type === TYPE.plural || element.type === TYPE.select)
      return Object.values(element.options).flatMap((option) => literals(option.value));
    if (element.type === TYPE.tag) return literals(element.children);
    return [];
  });
}

/**
 * English phrases that must not appear in a page in `locale`. Allowed: phrases the target catalogue uses
 * too (shared words, proper nouns), language names (each written in itself), and phrases found in the
 * workspace's own content (names, emails, sections, recommendations, comments…), which is never translated.
 */
function forbiddenPhrases(locale: "fr" | "es", userContent: string): string[] {
  const target = [...values(catalogues[locale]), "English", "Français", "Español", userContent].join("\n");
  const phrases = new Set<string>();
  for (const message of values(catalogues.en)) {
    for (const run of literals(parse(message, { ignoreTag: false }))) {
      for (const piece of run.split(/[.:;!?()"“”…·—\n]|\s-\s/)) {
        const phrase = piece
          .trim()
          .replace(/^[,']+|[,']+$/g, "")
          .trim();
        // Short fragments ("of", "by", "#") say nothing about the language.
        if ((phrase.match(/\p{L}/gu) ?? []).length < 4) continue;
        if (target.includes(phrase)) continue;
        phrases.add(phrase);
      }
    }
  }
  return [...phrases];
}

const allKeys = new Set(keys(catalogues.en));

/** The page's UI text: text nodes and labelling attributes outside user content in another language. */
async function uiText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const isUi = (element: Element | null) => {
      const owner = element?.closest("[lang]");
      return !owner || owner === document.documentElement || owner.getAttribute("lang") === pageLang;
    };
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"].includes(parent.tagName)) continue;
      if (parent.closest("[hidden]")) continue;
      const text = node.textContent?.trim();
      if (text && isUi(parent)) out.push(text);
    }
    for (const element of document.body.querySelectorAll("[aria-label],[title],[placeholder],[alt]")) {
      if (!isUi(element)) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt"]) {
        const value = element.getAttribute(name)?.trim();
        if (value) out.push(value);
      }
    }
    out.push(document.title);
    return out;
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function englishIn(texts: string[], phrases: string[]): string[] {
  const joined = texts.join("\n");
  const found = new Set<string>();
  for (const phrase of phrases) {
    if (!joined.includes(phrase)) continue;
    if (new RegExp(`(?<![\\p{L}\\p{N}])${escape(phrase)}(?![\\p{L}\\p{N}])`, "u").test(joined))
      found.add(phrase);
  }
  for (const text of texts) if (allKeys.has(text)) found.add(`(missing message) ${text}`);
  return [...found];
}

async function setLocale(context: BrowserContext, locale: string) {
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E.baseUrl }]);
}

/** The demo tracker, one of its recommendations, and a live publication of it (for the public pages). */
async function demoTargets() {
  const db = openDb();
  try {
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE.slug } });
    const tracker = await db.tracker.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    const rec = await db.recommendation.findFirstOrThrow({
      where: { trackerId: tracker.id, archivedAt: null },
      orderBy: { createdAt: "asc" },
    });
    const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.owner.email } });
    // The cookie decides the language only when the profile has none.
    expect(owner.locale).toBeNull();
    await db.publication.upsert({
      where: { trackerId: tracker.id },
      create: { workspaceId: workspace.id, trackerId: tracker.id, publishedById: owner.id },
      update: {},
    });
    // Everything the team wrote: it stays in its own language on every page.
    const [sections, recs, comments, evidence, actions, tags, users, events] = await Promise.all([
      db.section.findMany({
        where: { workspaceId: workspace.id },
        select: { title: true, description: true },
      }),
      db.recommendation.findMany({
        where: { workspaceId: workspace.id },
        select: { title: true, text: true, targetActor: true, referenceId: true, attributes: true },
      }),
      db.comment.findMany({ where: { workspaceId: workspace.id }, select: { body: true } }),
      db.evidence.findMany({
        where: { workspaceId: workspace.id },
        select: { title: true, quote: true, url: true },
      }),
      db.actionItem.findMany({ where: { workspaceId: workspace.id }, select: { title: true } }),
      db.tag.findMany({ where: { workspaceId: workspace.id }, select: { name: true } }),
      db.user.findMany({ select: { name: true, email: true } }),
      // Justifications and other free text travel in events.
      db.activityEvent.findMany({ where: { workspaceId: workspace.id }, select: { data: true } }),
    ]);
    const document = tracker.documentId
      ? await db.document.findUnique({
          where: { id: tracker.documentId },
          select: { title: true, content: true },
        })
      : null;
    const userContent = JSON.stringify([
      workspace.name,
      tracker.name,
      tracker.description,
      document,
      sections,
      recs,
      comments,
      evidence,
      actions,
      tags,
      users,
      events,
    ]);
    return { slug: workspace.slug, trackerId: tracker.id, recId: rec.id, userContent };
  } finally {
    await db.$disconnect();
  }
}

function pagesOf(t: { slug: string; trackerId: string; recId: string; userContent: string }) {
  const w = `/w/${t.slug}`;
  const tr = `${w}/t/${t.trackerId}`;
  return {
    signedIn: [
      "/",
      "/account",
      "/inbox",
      "/inbox?show=all",
      "/w/new",
      w,
      `${w}/members`,
      `${w}/settings`,
      `${w}/audit`,
      `${w}/my-work`,
      `${w}/new-tracker`,
      tr,
      `${tr}?view=board`,
      `${tr}?status=STALLED`,
      `${tr}/dashboard`,
      `${tr}/document`,
      `${tr}/sections`,
      `${tr}/import`,
      `${tr}/publish`,
      `${tr}/report`,
      `${tr}/snapshots`,
      `${tr}/r/${t.recId}`,
      "/invite/not-a-real-token",
      "/no-such-page",
    ],
    public: [
      "/sign-in",
      "/sign-up",
      "/forgot-password",
      "/reset-password/not-a-real-token",
      "/verify-email/not-a-real-token",
      "/unsubscribe",
      `/p/${t.slug}/${t.trackerId}`,
      `/p/${t.slug}/${t.trackerId}/r/${t.recId}`,
      `/p/${t.slug}/${t.trackerId}/embed`,
    ],
  };
}

async function settle(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBeLessThan(500);
  await page.waitForLoadState("networkidle");
}

for (const locale of ["fr", "es"] as const) {
  test(`every page is in ${locale === "fr" ? "French" : "Spanish"}`, async ({ page, context, browser }) => {
    test.setTimeout(300_000);
    const targets = await demoTargets();
    const phrases = forbiddenPhrases(locale, targets.userContent);
    expect(phrases.length).toBeGreaterThan(100);
    const pages = pagesOf(targets);
    const problems: string[] = [];
    const check = async (p: Page, url: string) => {
      await settle(p, url);
      expect(await p.locator("html").getAttribute("lang"), url).toBe(locale);
      const english = englishIn(await uiText(p), phrases);
      if (english.length > 0) problems.push(`${url}: ${english.join(" | ")}`);
    };

    // Signed out: the language comes from the footer switcher (a cookie).
    const visitor = await browser.newContext();
    const visitorPage = await visitor.newPage();
    await settle(visitorPage, "/sign-in");
    await visitorPage.locator("footer select").selectOption(locale);
    await expect(visitorPage.locator("html")).toHaveAttribute("lang", locale);
    for (const url of pages.public) await check(visitorPage, url);
    // A form error from the client-side check and one from the server.
    await settle(visitorPage, "/sign-in");
    await visitorPage.locator('input[name="email"]').fill("nobody@e2e.test");
    await visitorPage.locator('input[name="password"]').fill("wrong password here");
    await visitorPage.locator('form button[type="submit"]').click();
    await expect(visitorPage.getByTestId("form-error")).toBeVisible();
    const signInError = englishIn(await uiText(visitorPage), phrases);
    if (signInError.length) problems.push(`/sign-in (error): ${signInError.join(" | ")}`);
    await settle(visitorPage, "/sign-up");
    await visitorPage.locator('form button[type="submit"]').click();
    await expect(visitorPage.locator('[aria-invalid="true"]').first()).toBeVisible();
    const signUpErrors = englishIn(await uiText(visitorPage), phrases);
    if (signUpErrors.length) problems.push(`/sign-up (errors): ${signUpErrors.join(" | ")}`);

    // Signing up in this language: the verification email is in it too.
    const email = uniqueEmail(`i18n-${locale}`);
    await visitorPage.locator('input[name="name"]').fill("Camille Durand");
    await visitorPage.locator('input[name="email"]').fill(email);
    await visitorPage.locator('input[name="password"]').fill("correct horse battery staple");
    await visitorPage.locator('form button[type="submit"]').click();
    await linkFromMail(email, "/verify-email/");
    const mail = (await mailsTo(email)).at(-1)!.raw;
    const body = decodeMail(mail);
    const mailEnglish = englishIn([body], phrases);
    if (mailEnglish.length) problems.push(`verification email: ${mailEnglish.join(" | ")}`);
    await visitor.close();

    // Signed in as the demo owner (sign in in English first, then switch).
    await signIn(page, DEMO_USERS.owner.email, DEMO_PASSWORD);
    await setLocale(context, locale);
    for (const url of pages.signedIn) await check(page, url);
    // The status dialog and the account menu.
    await settle(page, `/w/${targets.slug}/t/${targets.trackerId}/r/${targets.recId}`);
    await page.locator("header").getByRole("button").last().click();
    const menu = englishIn(await uiText(page), phrases);
    if (menu.length) problems.push(`account menu: ${menu.join(" | ")}`);

    expect(problems, problems.join("\n")).toEqual([]);
  });
}

/** The text of a captured email: quoted-printable decoded, headers dropped. */
function decodeMail(raw: string): string {
  const body = raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join("\n");
  const bytes = body
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  const text = Buffer.from(bytes, "latin1").toString("utf8");
  // Drop MIME part headers and HTML tags; keep the words.
  return text
    .split("\n")
    .filter((line) => !/^(Content-|MIME-|--)/.test(line))
    .join("\n")
    .replace(/<[^>]+>/g, " ");
}

test("right-to-left pseudo-locale: mirrored layout, nothing clipped or overlapping", async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  const targets = await demoTargets();
  const tr = `/w/${targets.slug}/t/${targets.trackerId}`;
  await setLocale(context, "ar-XB");
  await settle(page, "/sign-in");
  expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
  await shoot(page, "sign-in");
  await page.locator('input[name="email"]').fill(DEMO_USERS.owner.email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  for (const [name, url] of [
    ["workspaces", "/"],
    ["workspace-home", `/w/${targets.slug}`],
    ["tracker", tr],
    ["board", `${tr}?view=board`],
    ["recommendation", `${tr}/r/${targets.recId}`],
    ["dashboard", `${tr}/dashboard`],
    ["members", `/w/${targets.slug}/members`],
    ["settings", `/w/${targets.slug}/settings`],
    ["inbox", "/inbox?show=all"],
    ["public-scorecard", `/p/${targets.slug}/${targets.trackerId}`],
  ] as const) {
    await settle(page, url);
    expect(await page.locator("html").getAttribute("dir"), url).toBe("rtl");
    await shoot(page, name);
    const layout = await page.evaluate(() => {
      const problems: string[] = [];
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && style.visibility !== "hidden" && style.display !== "none";
      };
      // Clipped: text cut off by overflow hidden without an ellipsis (truncate is a deliberate choice).
      for (const el of document.body.querySelectorAll("button, a, label, h1, h2, h3, th, span, p")) {
        if (!visible(el) || !el.textContent?.trim()) continue;
        const style = getComputedStyle(el);
        if (style.overflowX !== "hidden" && style.overflow !== "hidden") continue;
        if (style.textOverflow === "ellipsis" || el.closest(".sr-only")) continue;
        if (el.scrollWidth > el.clientWidth + 1)
          problems.push(`clipped: ${el.tagName} "${el.textContent.trim().slice(0, 40)}"`);
      }
      // Overlapping controls: two visible buttons/links/inputs whose boxes intersect.
      const controls = [...document.body.querySelectorAll("button, a[href], input, select, textarea")].filter(
        (el) => visible(el) && !el.closest(".sr-only") && !el.closest("[data-sonner-toaster]"),
      );
      for (let i = 0; i < controls.length; i++)
        for (let j = i + 1; j < controls.length; j++) {
          const a = controls[i]!;
          const b = controls[j]!;
          if (a.contains(b) || b.contains(a)) continue;
          const ra = a.getBoundingClientRect();
          const rb = b.getBoundingClientRect();
          const overlapX = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
          const overlapY = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
          if (overlapX > 2 && overlapY > 2)
            problems.push(
              `overlap: "${(a.textContent || a.getAttribute("aria-label") || a.tagName).trim().slice(0, 30)}" × "${(b.textContent || b.getAttribute("aria-label") || b.tagName).trim().slice(0, 30)}"`,
            );
        }
      // Direction icons point the reading direction: mirrored under dir=rtl.
      for (const icon of document.body.querySelectorAll(
        "svg.lucide-chevron-right, svg.lucide-chevron-left, svg.lucide-arrow-right, svg.lucide-arrow-left",
      )) {
        if (!visible(icon)) continue;
        const transform = getComputedStyle(icon).transform;
        const scale = getComputedStyle(icon).scale;
        const mirrored = transform.startsWith("matrix(-1") || scale.startsWith("-1");
        if (!mirrored) problems.push(`not mirrored: ${icon.getAttribute("class")}`);
      }
      const overflow = document.documentElement.scrollWidth - window.innerWidth;
      if (overflow > 1) problems.push(`horizontal overflow ${overflow}px`);
      return problems;
    });
    expect(layout, `${url}\n${layout.join("\n")}`).toEqual([]);
  }
});

async function shoot(page: Page, name: string) {
  fs.mkdirSync("screenshots/rtl", { recursive: true });
  await page.screenshot({ path: `screenshots/rtl/${name}.png`, fullPage: true });
}
