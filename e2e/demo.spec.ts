import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/seed";
import { signIn } from "./helpers";

const STAGES = ["Reverse and Revoke", "Reaffirm", "Rebuild", "Reengage", "Reconceptualize"];

test("the demo tracker shows its five stages, recommendations, and a recommendation page", async ({
  page,
}) => {
  await signIn(page, DEMO_USERS.viewer.email, DEMO_PASSWORD);
  await page.goto("/w/demo");
  await expect(page.getByRole("heading", { name: "Human Rights Leadership Coalition" })).toBeVisible();
  await page.getByRole("link", { name: /Human Rights Agenda 2021/ }).click();

  for (const [index, stage] of STAGES.entries()) {
    await expect(
      page.getByRole("heading", { level: 2, name: new RegExp(`^${index + 1}\\.\\s*${stage}$`) }),
    ).toBeVisible();
  }
  const rows = page.locator("section li a");
  expect(await rows.count()).toBeGreaterThanOrEqual(35);

  await page.getByRole("link", { name: /Revoke the travel ban/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Revoke the travel ban/ })).toBeVisible();
  await expect(page.getByText("Source passage")).toBeVisible();
  await expect(page.getByText("Achieved").first()).toBeVisible();
  const evidence = page.getByRole("region", { name: "Evidence" }).getByRole("link").first();
  await expect(evidence).toHaveAttribute("rel", "noopener noreferrer nofollow");
});
