import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { rowNamed, signIn } from "./helpers";

/** Opens deals from the top of the list until one has both notes and relations. */
async function openDealWithNotesAndRelations(page: Page, skip = 0) {
  await page.goto("/records/deals");
  const links = page.getByTestId("records-table").locator("tbody tr td[data-column=name] a");
  for (let i = skip; i < skip + 25; i++) {
    const name = (await links.nth(i).innerText()).trim();
    await links.nth(i).click();
    await expect(page.getByTestId("record-name")).toHaveText(name);
    const notes = await page.getByTestId("notes").locator("li").count();
    const relations = await page.getByTestId("relations").locator("li").count();
    if (notes > 0 && relations > 0) return { name, url: page.url(), notes, relations };
    await page.goBack();
  }
  throw new Error("No deal with notes and relations in the demo data");
}

function trashRow(page: Page, name: string) {
  return rowNamed(page.getByTestId("trash-table").locator("tbody tr"), name);
}

test("delete a record with notes and relations, find it in the trash with 14 days left, restore it with everything", async ({
  page,
}) => {
  await signIn(page, "member");
  const deal = await openDealWithNotesAndRelations(page);
  const relationNames = await page.getByTestId("relations").locator("li a").allInnerTexts();
  const relatedUrl = await page.getByTestId("relations").locator("li a").first().getAttribute("href");

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByRole("dialog")).toContainText("can be recovered");
  await page.getByRole("button", { name: "Move to trash" }).click();
  await expect(page.getByText("Moved 1 record to the trash.")).toBeVisible();
  await expect(page).toHaveURL(/\/records\/deals$/);
  await expect(page.getByTestId("records-table")).not.toContainText(deal.name);

  // Its live URL now leads to its preview in the trash (issue 16), not to the record.
  await page.goto(deal.url);
  await expect(page).toHaveURL(/\/trash\/[^/]+$/);
  await expect(page.getByTestId("trash-banner")).toContainText("In the trash");
  // Gone from the related record's relation list too.
  await page.goto(relatedUrl!);
  await expect(page.getByTestId("record-name")).toBeVisible();
  await expect(page.getByTestId("relations").or(page.getByText("Not related to other records."))).not.toContainText(
    deal.name,
  );

  await page.goto("/trash");
  const row = trashRow(page, deal.name);
  await expect(row).toBeVisible();
  await expect(row.getByTestId("time-left")).toHaveText("14 days left");
  await expect(row.getByTestId("time-left").locator("..")).toHaveAttribute("title", /Purged permanently on/);

  await row.getByRole("button", { name: `Restore ${deal.name}`, exact: true }).click();
  await expect(page.getByText(/Restored 1 record/)).toBeVisible();
  await expect(trashRow(page, deal.name)).toHaveCount(0);

  await page.goto(deal.url);
  await expect(page.getByTestId("record-name")).toHaveText(deal.name);
  await expect(page.getByTestId("notes").locator("li")).toHaveCount(deal.notes);
  expect(await page.getByTestId("relations").locator("li a").allInnerTexts()).toEqual(relationNames);
});

test("Undo in the toast brings the deleted record straight back", async ({ page }) => {
  await signIn(page, "member2");
  await page.goto("/records/contacts");
  const firstRow = page.getByTestId("records-table").locator("tbody tr").first();
  const name = (await firstRow.locator("td[data-column=name]").innerText()).trim();
  const badge = page.getByTestId("trash-count");
  const before = Number((await badge.count()) ? await badge.innerText() : 0);

  await firstRow.getByRole("button", { name: `Delete ${name}`, exact: true }).click();
  await page.getByRole("button", { name: "Move to trash" }).click();
  await expect(page.getByTestId("records-table").locator("tbody tr").first()).not.toContainText(name);
  await expect(page.getByTestId("trash-count")).toHaveText(String(before + 1));

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Restored 1 record.")).toBeVisible();
  await expect(page.getByTestId("records-table").locator("tbody tr").first()).toContainText(name);
  await page.goto("/trash");
  await expect(page.getByTestId("trash-table").or(page.getByText("The trash is empty"))).toBeVisible();
  await expect(trashRow(page, name)).toHaveCount(0);
});

test("an ADMIN deletes a trashed record permanently; it is gone everywhere", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/trash");
  // A record with a countdown: one on hold is refused until released.
  const row = page
    .getByTestId("trash-table")
    .locator("tbody tr")
    .filter({ has: page.getByTestId("time-left") })
    .last();
  const name = (await row.locator("td[data-column=name]").innerText()).trim();
  const totalBefore = await page.getByTestId("trash-total").innerText();

  await row.getByRole("button", { name: `Delete ${name} permanently` }).click();
  await expect(page.getByRole("dialog")).toContainText("won’t be recoverable");
  await page.getByRole("dialog").getByRole("button", { name: "Delete permanently" }).click();
  await expect(page.getByText("Deleted 1 record permanently.")).toBeVisible();
  await expect(trashRow(page, name)).toHaveCount(0);
  await expect(page.getByTestId("trash-total")).not.toHaveText(totalBefore);

  await page.goto("/audit");
  await expect(page.getByTestId("audit-table").locator("tbody tr").first()).toContainText("Deleted permanently");
  await expect(page.getByTestId("audit-table").locator("tbody tr").first()).toContainText(name);
});

test("a MEMBER sees only their own trash and no permanent-delete, hold or empty-trash control", async ({ page }) => {
  await signIn(page, "member");
  await page.goto("/trash");
  await expect(page.getByRole("radio", { name: "Deleted by me" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "All" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Empty trash" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /permanently/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Keep / })).toHaveCount(0);

  await page.goto("/records/leads");
  await page.getByTestId("records-table").locator("tbody tr td[data-column=name] a").first().click();
  await expect(page.getByRole("button", { name: "Delete", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete permanently" })).toHaveCount(0);
});

test("a VIEWER sees records and the trash but no control that changes anything", async ({ page }) => {
  await signIn(page, "viewer");
  await expect(page.getByTestId("records-table").locator("tbody tr")).toHaveCount(50);
  await expect(page.getByRole("button", { name: /^Delete / })).toHaveCount(0);
  await page.getByTestId("records-table").locator("tbody tr td[data-column=name] a").first().click();
  await expect(page.getByRole("button", { name: /Delete/ })).toHaveCount(0);
  await page.goto("/trash");
  await expect(page.getByRole("button", { name: /Restore|Empty trash|permanently/ })).toHaveCount(0);
});

test("an ADMIN keeps a record on hold, and the OWNER changes the retention", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/trash");
  const row = page
    .getByTestId("trash-table")
    .locator("tbody tr")
    .filter({ has: page.getByTestId("time-left") })
    .first();
  const name = (await row.locator("td[data-column=name]").innerText()).trim();
  await row.getByRole("button", { name: `Keep ${name}`, exact: true }).click();
  await expect(trashRow(page, name)).toContainText("On hold");
  await trashRow(page, name)
    .getByRole("button", { name: `Release hold on ${name}`, exact: true })
    .click();
  await expect(trashRow(page, name).getByTestId("time-left")).toBeVisible();

  await page.goto("/settings");
  await expect(page.getByText("Only the workspace owner can change this.")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, "owner", "/settings");
  await page.getByLabel("Retention days").fill("30");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Retention set to 30 days.")).toBeVisible();
  await page.goto("/trash");
  await expect(page.getByText("stay here for 30 days")).toBeVisible();
  await page.goto("/settings");
  await page.getByLabel("Retention days").fill("14");
  await page.getByRole("button", { name: "Save" }).click();
  // Shorter: what it makes due for purge is said first, and nothing is saved until confirmed.
  const confirm = page.getByRole("dialog", { name: "Shorten retention from 30 to 14 days?" });
  await expect(confirm.getByTestId("retention-impact")).toContainText(/due for purge/);
  await confirm.getByRole("button", { name: "Set 14 days" }).click();
  await expect(page.getByText("Retention set to 14 days.")).toBeVisible();
});
