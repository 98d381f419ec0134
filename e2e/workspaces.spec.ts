import { expect, test, type Request } from "@playwright/test";
import { createWorkspace, signUp, uniqueEmail, uniqueSlug } from "./helpers";

test("an invited viewer joins through the link, cannot manage members, and its direct action call is refused", async ({
  browser,
}) => {
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const slug = uniqueSlug("invite");
  await signUp(owner, { name: "Olu Owner", email: uniqueEmail("owner") });
  await createWorkspace(owner, "Invite Coalition", slug);

  // The owner invites a viewer and copies the link; keep the invite request to replay it later.
  const viewerEmail = uniqueEmail("viewer");
  await owner.getByRole("link", { name: "Members" }).click();
  await owner.getByLabel("Email").fill(viewerEmail);
  await owner.getByLabel("Role", { exact: true }).selectOption("VIEWER");
  const inviteRequest = owner.waitForRequest(
    (request) => request.method() === "POST" && Boolean(request.headers()["next-action"]),
  );
  await owner.getByRole("button", { name: "Create invitation" }).click();
  const recorded: Request = await inviteRequest;
  const link = await owner.getByLabel(/Invitation link/).inputValue();
  expect(link).toMatch(/\/invite\//);
  const pending = owner.getByRole("region", { name: "Pending invitations" });
  await expect(pending.getByText(viewerEmail)).toBeVisible();

  // The invitee signs up through the link and lands in the workspace as a viewer.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await viewer.goto(link);
  await expect(viewer.getByRole("heading", { name: "Join Invite Coalition" })).toBeVisible();
  await viewer.getByRole("link", { name: "Sign up to accept" }).click();
  await expect(viewer.getByLabel("Email")).toHaveValue(viewerEmail);
  await signUp(viewer, { name: "Vera Viewer", email: viewerEmail }, viewer.url());
  await expect(viewer).toHaveURL(/\/invite\//);
  await viewer.getByRole("button", { name: "Accept invitation" }).click();
  await expect(viewer).toHaveURL(new RegExp(`/w/${slug}$`));
  await expect(viewer.getByRole("heading", { name: "Invite Coalition" })).toBeVisible();

  // The link is spent.
  await viewer.goto(link);
  await expect(viewer.getByText("This invitation has already been used.")).toBeVisible();

  // No member management for a viewer: no tab, and the page answers 403.
  await viewer.goto(`/w/${slug}`);
  await expect(viewer.getByRole("link", { name: "Members" })).toHaveCount(0);
  const membersResponse = await viewer.goto(`/w/${slug}/members`);
  expect(membersResponse?.status()).toBe(403);
  await expect(viewer.getByRole("heading", { name: "Not allowed" })).toBeVisible();

  // Replaying the owner's invite action with the viewer's session is refused on the server.
  const sneakyEmail = uniqueEmail("sneaky");
  const body = recorded.postData()!.replace(viewerEmail, sneakyEmail);
  const replay = await viewer.request.post(recorded.url(), {
    headers: {
      "next-action": recorded.headers()["next-action"]!,
      "content-type": recorded.headers()["content-type"]!,
      accept: "text/x-component",
      origin: new URL(recorded.url()).origin,
    },
    data: body,
  });
  const replayText = await replay.text();
  expect(replayText).toContain("does not allow that");
  expect(replayText).not.toContain(sneakyEmail.split("@")[0]);
  await owner.reload();
  await expect(owner.getByText(sneakyEmail)).toHaveCount(0);

  // Removing the viewer ends their access on their next request.
  owner.on("dialog", (dialog) => dialog.accept());
  const row = owner.getByRole("listitem").filter({ hasText: "Vera Viewer" });
  await row.getByRole("button", { name: "Remove" }).click();
  await expect(owner.getByText("Vera Viewer")).toHaveCount(0);
  const afterRemoval = await viewer.goto(`/w/${slug}`);
  expect(afterRemoval?.status()).toBe(404);

  await ownerContext.close();
  await viewerContext.close();
});

test("a user of another workspace gets a 404 on every URL of this workspace", async ({ browser }) => {
  const aContext = await browser.newContext();
  const a = await aContext.newPage();
  const slug = uniqueSlug("private");
  await signUp(a, { name: "Alice", email: uniqueEmail("alice") });
  await createWorkspace(a, "Private Coalition", slug);

  const bContext = await browser.newContext();
  const b = await bContext.newPage();
  await signUp(b, { name: "Bob", email: uniqueEmail("bob") });
  await createWorkspace(b, "Other Coalition", uniqueSlug("other"));

  for (const path of [
    `/w/${slug}`,
    `/w/${slug}/members`,
    `/w/${slug}/settings`,
    `/w/${slug}/t/some-tracker`,
  ]) {
    const response = await b.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(b.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(b.getByText("Private Coalition")).toHaveCount(0);
  }
  // The same as a workspace that does not exist.
  const missing = await b.goto(`/w/${uniqueSlug("missing")}`);
  expect(missing?.status()).toBe(404);
  await aContext.close();
  await bContext.close();
});

test("the last owner cannot leave, and a taken slug gets a friendly message", async ({ page }) => {
  const slug = uniqueSlug("solo");
  await signUp(page, { name: "Solo Owner", email: uniqueEmail("solo") });
  await createWorkspace(page, "Solo Coalition", slug);
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto(`/w/${slug}/settings`);
  await page.getByRole("button", { name: "Leave workspace" }).click();
  await expect(page.getByText("A workspace needs at least one owner").first()).toBeVisible();

  await page.goto("/w/new");
  await page.getByLabel("Name").fill("Another");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("That address is unavailable. Try")).toBeVisible();
});
