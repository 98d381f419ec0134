import { expect, test } from "@playwright/test";
import { linkFromMail, mailsTo, setupTeam } from "./helpers";

test("an @mentioned editor sees it in the inbox with the bell count, gets the email, and unsubscribes in one click", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const team = await setupTeam(browser, "notify");
  const { owner, editor } = team;
  const { editorEmail } = team;

  // The owner mentions the editor in a comment.
  await owner.goto(team.recUrl);
  await owner
    .getByLabel("Comment", { exact: true })
    .fill("@Eddie Editor could you check the Council vote count?");
  await owner.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(owner.getByTestId("comment").last()).toContainText("could you check");

  // The editor's bell shows it (the count is re-fetched when the window gets focus or the live stream says so).
  await editor.goto("/");
  const bell = editor.getByTestId("notification-bell");
  await expect(async () => {
    await editor.evaluate(() => window.dispatchEvent(new CustomEvent("live:notification")));
    await expect(bell).toHaveAccessibleName("Inbox, 1 unread", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(editor.getByTestId("notification-count")).toHaveText("1");

  await bell.click();
  await expect(editor).toHaveURL(/\/inbox$/);
  const entry = editor.getByTestId("inbox-entry").first();
  await expect(entry).toContainText("Olivia Owner mentioned you");
  await expect(entry).toContainText("Rejoin the UN Human Rights Council");
  await expect(entry).toContainText("could you check the Council vote count?");
  await editor.screenshot({ path: "test-results/notifications-inbox.png" });

  // Filters: it is a mention, not an assignment.
  await editor.getByRole("link", { name: "Assigned to me" }).click();
  await expect(editor.getByText("No notifications match these filters.")).toBeVisible();
  await editor.getByRole("link", { name: "Mentions" }).click();
  await expect(editor.getByTestId("inbox-entry")).toHaveCount(1);

  // Opening it marks it read; the editor watches the recommendation since she was mentioned.
  await editor.getByTestId("inbox-entry").first().getByRole("link").click();
  await expect(
    editor.getByRole("heading", { level: 1, name: "Rejoin the UN Human Rights Council" }),
  ).toBeVisible();
  const watch = editor.getByTestId("watch-toggle");
  await expect(watch).toHaveText("Watching");
  await expect(watch).toHaveAttribute("aria-pressed", "true");
  await editor.goto("/inbox?show=all");
  await expect(editor.getByTestId("inbox-entry").first()).not.toHaveAttribute("data-unread", "true");
  await expect(editor.getByTestId("notification-bell")).toHaveAccessibleName(
    "Inbox, no unread notifications",
  );

  // Mark unread, then mark all read.
  await editor.getByRole("button", { name: "Mark as unread" }).first().click();
  await expect(editor.getByTestId("notification-bell")).toHaveAccessibleName("Inbox, 1 unread");
  await editor.getByRole("button", { name: "Mark all read" }).click();
  await expect(editor.getByTestId("notification-bell")).toHaveAccessibleName(
    "Inbox, no unread notifications",
  );

  // The email: captured by the real SMTP server, with RFC 8058 headers and a plain-text part.
  await linkFromMail(editorEmail, "/unsubscribe\\?token="); // waits for the email
  const raw = (await mailsTo(editorEmail)).at(-1)!.raw.replace(/\r?\n[ \t]+/g, " ");
  const body = raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  // The page link in the body (the header's one-click address is /api/notifications/unsubscribe).
  const link = /https?:\/\/[^/\s]+\/unsubscribe\?token=[\w.-]+/.exec(body)?.[0] ?? "";
  expect(link).not.toBe("");
  expect(raw).toMatch(/^List-Unsubscribe: <http:\/\/[^>]+\/api\/notifications\/unsubscribe\?token=[^>]+>/m);
  expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
  expect(raw).toContain("text/plain");
  expect(raw).toContain("text/html");

  // Opening the link changes nothing until the button is pressed.
  await editor.goto(link);
  await expect(editor.getByRole("heading", { name: "Stop emails about mentions?" })).toBeVisible();
  await editor.screenshot({ path: "test-results/notifications-unsubscribe.png" });
  await editor.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(editor.getByRole("heading", { name: "Unsubscribed" })).toBeVisible();
  await editor.goto("/account#notifications");
  const mentions = editor.getByRole("group", { name: "Mentions: email" });
  await expect(mentions.getByRole("radio", { name: "Off" })).toBeChecked();
  await editor.getByRole("heading", { name: "Notifications" }).scrollIntoViewIfNeeded();
  await editor.screenshot({ path: "test-results/notifications-settings.png", fullPage: true });

  // Unwatching works from the recommendation page.
  await editor.goto(team.recUrl);
  await editor.getByTestId("watch-toggle").click();
  await expect(editor.getByTestId("watch-toggle")).toHaveText("Watch");
  await expect(editor.getByTestId("watch-toggle")).toHaveAttribute("aria-pressed", "false");
  await team.close();
});
