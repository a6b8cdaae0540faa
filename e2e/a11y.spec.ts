import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { signIn } from "./helpers";
import { expect, test } from "./test";

/** Runs axe on the page as it is and fails on any serious or critical violation, naming them. */
async function expectNoSeriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 5)
          .join(", ")}`,
    );
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}

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
