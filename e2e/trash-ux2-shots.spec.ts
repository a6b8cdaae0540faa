import { expect, test } from "./test";
import { signIn } from "./helpers";

// Screenshots for issue 27 at 1440 and 390 px: the trash, the records table, the audit log and the
// delete dialogs. SHOTS names the folder (test-results/trash-ux2/<SHOTS>), e.g. "before" or "after".
const folder = `test-results/trash-ux2/${process.env.SHOTS ?? "after"}`;

for (const width of [1440, 390]) {
  test(`screenshots at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    const shot = (name: string) => page.screenshot({ path: `${folder}/${name}-${width}.png` });
    await signIn(page, "admin");
    await page.goto("/trash");
    await shot("trash");
    await page.goto("/records/leads");
    await shot("records");
    await page
      .getByTestId("records-table")
      .locator("tbody tr")
      .first()
      .getByRole("button", { name: /^Delete / })
      .first()
      .click({ force: true })
      .catch(() => undefined);
    if (await page.getByRole("dialog").count()) await shot("delete-dialog");
    await page.keyboard.press("Escape");
    await page.goto("/trash");
    await page.getByRole("checkbox", { name: "Select all on this page" }).check();
    await page
      .getByRole("region", { name: "Bulk actions" })
      .getByRole("button", { name: "Delete permanently" })
      .click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await shot("destroy-dialog");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Empty trash" }).click();
    await shot("empty-dialog");
    await page.keyboard.press("Escape");
    await page.goto("/audit");
    await shot("audit");
    await page.goto("/automations");
    await shot("automations");
    // A shorter retention says what it makes due, before anything is saved (the owner's setting).
    await page.context().clearCookies();
    await signIn(page, "owner", "/settings");
    await page.getByLabel("Retention days").fill("7");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("retention-impact")).toBeVisible();
    await shot("retention-confirm");
    await page.keyboard.press("Escape");
    // Select all matching: the automations it sets off, and the choice not to run them.
    await page.goto("/records/leads");
    await page.getByRole("checkbox", { name: "Select all on this page" }).check();
    await page.getByRole("button", { name: /^Select all .* matching$/ }).click();
    await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("dialog").getByTestId("delete-automations")).toBeVisible();
    await shot("select-all-dialog");
    await page.keyboard.press("Escape");
  });
}
