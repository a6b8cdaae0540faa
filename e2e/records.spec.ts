import { expect, test } from "./test";
import { signIn } from "./helpers";

test("records list pages forward and back with 50 rows a page", async ({ page }) => {
  await signIn(page, "viewer");
  const rows = page.getByTestId("records-table").locator("tbody tr");
  await expect(rows).toHaveCount(50);
  const firstOnPage1 = await rows.first().locator("td[data-column=name]").innerText();

  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/dir=next/);
  await expect(rows).toHaveCount(50);
  const firstOnPage2 = await rows.first().locator("td[data-column=name]").innerText();
  expect(firstOnPage2).not.toBe(firstOnPage1);

  await page.getByRole("link", { name: "Previous page" }).click();
  await expect(page).toHaveURL(/dir=prev/);
  await expect(rows.first().locator("td[data-column=name]")).toHaveText(firstOnPage1);
});

test("entity tabs switch between leads, contacts and deals", async ({ page }) => {
  await signIn(page, "member");
  await page.getByRole("tab", { name: "Deals" }).click();
  await expect(page).toHaveURL(/\/records\/deals$/);
  await expect(page.getByRole("columnheader", { name: "Stage" })).toBeVisible();
  await page.getByRole("tab", { name: "Contacts" }).click();
  await expect(page.getByRole("columnheader", { name: "Lifecycle" })).toBeVisible();
});

test("search narrows the list and clearing it brings everything back", async ({ page }) => {
  await signIn(page, "member");
  const total = page.getByTestId("records-total");
  const allText = await total.innerText();
  const rows = page.getByTestId("records-table").locator("tbody tr");
  const name = (await rows.first().locator("td[data-column=name]").innerText()).trim();

  await page.getByLabel("Search records").fill(name);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(name).replace(/%20/g, "(\\+|%20)")}`));
  await expect(total).toContainText(`matching “${name}”`);
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await expect(rows.nth(i).locator("td[data-column=name]")).toContainText(name);

  await page.getByLabel("Search records").fill("zzz-no-such-record");
  await expect(page.getByText("No records match your search")).toBeVisible();

  await page.getByRole("button", { name: "Clear search" }).click();
  await expect(total).toHaveText(allText);
});
