import { expect, test } from "./test";
import { signIn } from "./helpers";

// Issue 24, "Done when": create with a phone → search by the number → edit → delete → trash →
// a new record with the same external id offers the trashed one back → restore.

test("create a lead, find it by its number, edit it, delete it, and get it back from the New dialog", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "member", "/records/leads");
  await page.getByRole("button", { name: "New lead" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Ezra Newcomb");
  await dialog.getByLabel("Phone").fill("030 555 0199");
  await dialog.getByLabel("External provider").fill("hubspot");
  await dialog.getByLabel("External id").fill("e2e-9001");
  await dialog.getByLabel("Status").selectOption("Qualified");
  await dialog.getByLabel("Score").fill("many");
  await dialog.getByRole("button", { name: "Create lead" }).click();
  // Inline errors, one at a time, beside their inputs; nothing created yet.
  await expect(dialog.locator("#phoneNumber-error")).toContainText("international form");
  await dialog.getByLabel("Phone").fill("+49 30 555 0199");
  await dialog.getByRole("button", { name: "Create lead" }).click();
  await expect(dialog.locator("#score-error")).toContainText("Give a number");
  await dialog.getByLabel("Score").fill("88");
  await dialog.getByRole("button", { name: "Create lead" }).click();
  await expect(page.getByText("Created “Ezra Newcomb”.")).toBeVisible();
  await expect(dialog).toBeHidden();

  // Stored in E.164, so the number as people type it finds it.
  await page.getByLabel("Search records").fill("30 555-0199");
  const rows = page.getByTestId("records-table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Ezra Newcomb");
  await rows.first().getByRole("link", { name: "Ezra Newcomb" }).click();
  await expect(page.getByTestId("record-name")).toHaveText("Ezra Newcomb");
  await expect(page.getByText("+49305550199")).toBeVisible();

  await page.getByRole("button", { name: "Edit" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill("Ezra Newcomb-Hale");
  await page.getByRole("dialog").getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("record-name")).toHaveText("Ezra Newcomb-Hale");
  await page.getByLabel("New note").fill("Met at the fair, wants a demo.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByTestId("notes")).toContainText("Met at the fair, wants a demo.");

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("button", { name: "Move to trash" }).click();
  await expect(page).toHaveURL(/\/records\/leads$/);
  await page.goto("/trash");
  await expect(page.getByText("Ezra Newcomb-Hale")).toBeVisible();

  await page.goto("/records/leads");
  await page.getByRole("button", { name: "New lead" }).click();
  await dialog.getByLabel("Name").fill("Ezra Again");
  await dialog.getByLabel("External provider").fill("hubspot");
  await dialog.getByLabel("External id").fill("e2e-9001");
  await dialog.getByRole("button", { name: "Create lead" }).click();
  await expect(dialog.getByTestId("trashed-holder")).toContainText("“Ezra Newcomb-Hale”");
  await dialog.getByRole("button", { name: "Restore it instead" }).click();
  await expect(page.getByTestId("record-name")).toHaveText("Ezra Newcomb-Hale");
  await expect(page.getByTestId("notes")).toContainText("Met at the fair, wants a demo.");
  // Nothing new was created: the search by its external id finds the one record.
  await page.goto("/records/leads?q=e2e-9001");
  await expect(page.getByTestId("records-table").locator("tbody tr")).toHaveCount(1);
});

test("a viewer sees no New button and no Edit", async ({ page }) => {
  await signIn(page, "viewer", "/records/leads");
  await expect(page.getByTestId("records-table")).toBeVisible();
  await expect(page.getByRole("button", { name: "New lead" })).toHaveCount(0);
  await page.getByTestId("records-table").locator("tbody tr td[data-column=name] a").first().click();
  await expect(page.getByTestId("record-name")).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByLabel("New note")).toHaveCount(0);
});
