import type { Page } from "@playwright/test";
import { rowNamed, signIn } from "./helpers";
import { expect, test } from "./test";

const shot = (name: string) => ({ path: `test-results/screens/${name}.png`, fullPage: true });

async function expectNoPageOverflow(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

test.describe("a phone, 390×844", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("records: no page overflow, the sidebar is a menu, the name and the row action stay in view", async ({
    page,
  }) => {
    await signIn(page, "owner");
    await page.goto("/records/leads");
    await expectNoPageOverflow(page);
    await page.screenshot(shot("records-390"));

    // The table scrolls inside its card; the name column and the row action stay in view.
    const firstRow = page.getByTestId("records-table").locator("tbody tr").first();
    const name = (await firstRow.locator("td[data-column=name]").innerText()).trim();
    await page
      .getByTestId("records-table")
      .locator("..")
      .evaluate((el) => el.scrollBy({ left: 400 }));
    await expect(firstRow.locator("td[data-column=name]")).toBeInViewport({ ratio: 1 });
    await expect(firstRow.getByRole("button", { name: `Delete ${name}`, exact: true })).toBeInViewport({ ratio: 1 });

    // The row action opens its dialog, which fits the screen.
    await firstRow.getByRole("button", { name: `Delete ${name}`, exact: true }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeInViewport({ ratio: 1 });
    await dialog.getByRole("button", { name: "Cancel" }).click();

    const open = page.getByRole("button", { name: "Open navigation" });
    await open.click();
    const nav = page.getByRole("dialog", { name: "Navigation" });
    await expect(nav.getByRole("link", { name: /Trash/ })).toBeInViewport();
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(open, "focus returns to the menu button").toBeFocused();
    await open.click();
    await expect(nav.getByRole("link", { name: /Trash/ })).toBeInViewport();
    await page.screenshot(shot("nav-390"));
    await nav.getByRole("link", { name: /Trash/ }).click();
    await expect(page).toHaveURL(/\/trash$/);
    await expect(nav).toBeHidden();
  });

  test("trash: no page overflow; Keep, Restore and Delete permanently are reachable from each row's menu", async ({
    page,
  }) => {
    await signIn(page, "admin");
    await page.goto("/trash");
    await expectNoPageOverflow(page);
    await page.screenshot(shot("trash-390"));
    const rows = page.getByTestId("trash-table").locator("tbody tr");

    // The newest deletions (last, soonest purge first), so the seed's records about to be purged stay for trash-ux.spec.
    // Keep: the row goes on hold.
    const keep = rows.filter({ hasNot: page.getByText("On hold") }).last();
    const keepName = (await keep.locator("td[data-column=name]").innerText()).trim();
    await keep.getByRole("button", { name: `Actions for ${keepName}`, exact: true }).click();
    await expect(page.getByRole("menuitem", { name: "Restore" })).toBeInViewport();
    await expect(page.getByRole("menuitem", { name: "Delete permanently" })).toBeInViewport();
    await page.screenshot(shot("trash-menu-390"));
    await page.getByRole("menuitem", { name: "Keep" }).click();
    await expect(rowNamed(rows, keepName)).toContainText("On hold");

    // Delete permanently: its confirm opens and fits; cancelled, focus goes back to the row's menu button.
    const menuButton = rowNamed(rows, keepName).getByRole("button", { name: `Actions for ${keepName}`, exact: true });
    await menuButton.click();
    await page.getByRole("menuitem", { name: "Delete permanently" }).click();
    await expect(page.getByRole("dialog")).toBeInViewport({ ratio: 1 });
    await page.screenshot(shot("trash-dialog-390"));
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    await expect(menuButton).toBeFocused();

    // Delete permanently, confirmed: the row is gone and focus is on the same control of the row that took its place.
    const destroy = rows.filter({ hasNot: page.getByText("On hold") }).last();
    const destroyName = (await destroy.locator("td[data-column=name]").innerText()).trim();
    await destroy.getByRole("button", { name: `Actions for ${destroyName}`, exact: true }).click();
    await page.getByRole("menuitem", { name: "Delete permanently" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete permanently" }).click();
    await expect(rowNamed(rows, destroyName)).toHaveCount(0);
    await expect(page.getByTestId("trash-table").locator("button:focus")).toHaveAttribute(
      "aria-label",
      /^Actions for /,
    );

    // Restore: the record leaves the trash and is live again.
    const restore = rows.filter({ hasNot: page.getByText("On hold") }).last();
    const id = (await restore.getAttribute("data-record-id"))!;
    const restoreName = (await restore.locator("td[data-column=name]").innerText()).trim();
    const entity = (await restore.locator("td[data-column=type]").innerText()).trim().toLowerCase();
    await restore.getByRole("button", { name: `Actions for ${restoreName}`, exact: true }).click();
    await page.getByRole("menuitem", { name: "Restore" }).click();
    await expect(page.getByText(/Restored 1 record/)).toBeVisible();
    await expect(page.locator(`[data-record-id="${id}"]`)).toHaveCount(0);
    await page.goto(`/records/${entity}/${id}`);
    await expect(page).toHaveURL(new RegExp(`/records/${entity}/${id}$`));
    await expect(page.getByTestId("record-name")).toHaveText(restoreName);
  });
});

test("keyboard: Delete on a selection opens the confirm and focus comes back; the trash pages back and forth", async ({
  page,
}) => {
  await signIn(page, "owner");
  await page.goto("/records/contacts");
  await page.screenshot(shot("records-1440"));
  const table = page.getByTestId("records-table");
  const pageNames = await table.locator("tbody td[data-column=name]").allInnerTexts();
  await table.getByRole("checkbox", { name: "Select all on this page" }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("selection-count")).toHaveText(`${pageNames.length} selected`);
  await page.keyboard.press("Delete");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Move ${pageNames.length} records to the trash?`);
  await dialog.getByRole("button", { name: "Move to trash" }).click();
  await expect(page.getByText(`Moved ${pageNames.length} records to the trash.`)).toBeVisible();
  await expect(table).not.toContainText(pageNames[0]!);
  // The whole page left, and the box the Delete key was pressed on with it: focus stays in the page, not on <body>.
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);

  // 50 more in the trash than the seed's: more than one page of 50.
  await page.goto("/trash");
  const names = () => page.getByTestId("trash-table").locator("tbody td[data-column=name]").allInnerTexts();
  const first = await names();
  expect(first).toHaveLength(50);
  await page.screenshot(shot("trash-1440"));
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/dir=next/);
  await expect.poll(names).not.toEqual(first);
  const second = await names();
  expect(second.some((n) => first.includes(n))).toBe(false);
  await page.getByRole("link", { name: "Previous page" }).click();
  await expect(page).toHaveURL(/dir=prev/);
  await expect.poll(names).toEqual(first);

  // In the trash, Delete on a selection asks to delete it permanently; Escape cancels and focus is back on the box.
  const box = page.getByTestId("trash-table").getByRole("checkbox", { name: `Select ${first[0]}`, exact: true });
  await box.focus();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("selection-count")).toHaveText("1 selected");
  await page.keyboard.press("Delete");
  await expect(page.getByRole("dialog")).toContainText(`Delete “${first[0]}” permanently?`);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(box).toBeFocused();
  await expect(page.getByTestId("trash-table")).toContainText(first[0]!);
});
