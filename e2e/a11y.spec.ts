import { expectNoSeriousViolations } from "./axe";
import { signIn } from "./helpers";
import { expect, test } from "./test";

test("login", async ({ page }) => {
  await page.goto("/login");
  await expectNoSeriousViolations(page);
});

test.describe("signed in", () => {
  test.beforeEach(async ({ page }) => signIn(page, "owner"));

  for (const path of [
    "/records/leads",
    "/trash",
    "/segments",
    "/automations",
    "/audit",
    "/settings",
    "/settings/api-keys",
    "/settings/api",
    "/settings/webhooks",
    "/settings/members",
    "/settings/fields",
    "/account",
  ]) {
    test(path, async ({ page }) => {
      await page.goto(path);
      await expectNoSeriousViolations(page);
    });
  }

  test("record detail", async ({ page }) => {
    await page.goto("/records/deals");
    await page.getByTestId("records-table").locator("tbody tr td[data-column=name] a").first().click();
    await expect(page.getByTestId("record-name")).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test("trash preview", async ({ page }) => {
    await page.goto("/trash");
    await page.getByTestId("trash-table").locator("tbody tr td[data-column=name] a").first().click();
    await expect(page.getByTestId("trash-banner")).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test("segment", async ({ page }) => {
    await page.goto("/segments");
    await page.getByTestId("segments-table").locator("tbody a").first().click();
    await expect(page).toHaveURL(/\/segments\/[^/]+$/);
    await expectNoSeriousViolations(page);
  });

  test("the confirmations that say what will happen: a shorter retention, a select-all delete", async ({ page }) => {
    await page.goto("/settings");
    await page.getByLabel("Retention days").fill("7");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("retention-impact")).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.goto("/records/leads");
    await page.getByRole("checkbox", { name: "Select all on this page" }).click();
    await page.getByRole("button", { name: /^Select all .* matching$/ }).click();
    await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("dialog").getByTestId("delete-automations")).toBeVisible();
    await expectNoSeriousViolations(page, '[role="dialog"]');
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  });

  test("dialogs and menus on a narrow screen", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/trash");
    await page.getByRole("button", { name: "Open navigation" }).click();
    await expect(page.getByRole("dialog", { name: "Navigation" })).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.keyboard.press("Escape");
    await page
      .getByTestId("trash-table")
      .getByRole("button", { name: /^Actions for / })
      .first()
      .click();
    await expect(page.getByRole("menu")).toBeVisible();
    await expectNoSeriousViolations(page);
  });
});
