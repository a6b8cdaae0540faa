import type { Page } from "@playwright/test";
import { expect, hydrated, test } from "./test";
import { rowNamed, signIn } from "./helpers";

const rows = (page: Page, testId: string) => page.getByTestId(testId).locator("tbody tr");
/** "2,200 records · 50 per page" → 2200 */
const leadingNumber = async (text: Promise<string>) => Number((await text).split(" ")[0]!.replace(/,/g, ""));

test("shift-click selects a range of 3, deletes them, and bulk restore brings them back from the trash", async ({
  page,
}) => {
  await signIn(page, "member");
  await page.goto("/records/contacts");
  const table = rows(page, "records-table");
  const names = (await table.locator("td[data-column=name]").allInnerTexts()).map((n) => n.trim());
  const picked = names.slice(1, 4);

  await page.getByRole("checkbox", { name: `Select ${picked[0]}`, exact: true }).click();
  await page.getByRole("checkbox", { name: `Select ${picked[2]}`, exact: true }).click({ modifiers: ["Shift"] });
  await expect(page.getByRole("checkbox", { name: `Select ${picked[1]}`, exact: true })).toBeChecked();
  await expect(page.getByTestId("selection-count")).toHaveText("3 selected");

  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("dialog")).toContainText("Move 3 records to the trash?");
  await page.getByRole("button", { name: "Move to trash" }).click();
  await expect(page.getByText("Moved 3 records to the trash.")).toBeVisible();
  for (const name of picked) await expect(page.getByTestId("records-table")).not.toContainText(name);

  await page.goto("/trash?sort=recent");
  for (const name of picked) await expect(rowNamed(rows(page, "trash-table"), name)).toHaveCount(1);
  for (const name of picked) await page.getByRole("checkbox", { name: `Select ${name}`, exact: true }).click();
  await expect(page.getByTestId("selection-count")).toHaveText("3 selected");
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText("Restored 3 records with everything that belonged to them.")).toBeVisible();
  for (const name of picked) await expect(rowNamed(rows(page, "trash-table"), name)).toHaveCount(0);

  await page.goto("/records/contacts");
  for (const name of picked) await expect(page.getByTestId("records-table")).toContainText(name);
});

test("select all matching on more than 2,000 rows deletes them in chunks with progress, and restores them the same way", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "admin");
  await page.goto("/records/leads");
  const total = await leadingNumber(page.getByTestId("records-total").innerText());
  expect(total).toBeGreaterThan(2000);

  await page.getByRole("checkbox", { name: "Select all on this page" }).click();
  await page.getByRole("button", { name: `Select all ${total.toLocaleString("en-US")} matching` }).click();
  await expect(page.getByTestId("selection-count")).toHaveText(
    `All ${total.toLocaleString("en-US")} matching selected`,
  );
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Delete" }).click();

  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`in ${Math.ceil(total / 1000)} chunks`);
  const confirm = dialog.getByRole("button", { name: `Move to trash ${total.toLocaleString("en-US")}` });
  await expect(confirm).toBeDisabled();
  // An admin may choose not to set off "Notify lead owner on deletion" thousands of times.
  const automations = dialog.getByTestId("delete-automations");
  await expect(automations).toContainText(`“Notify lead owner on deletion” ${total.toLocaleString("en-US")} times`);
  await automations.getByRole("checkbox", { name: "Run on-delete automations" }).uncheck();
  await expect(automations).toContainText("would run once per record");
  await dialog.getByLabel("Number of records").fill(String(total));
  await confirm.click();
  await expect(dialog.getByRole("progressbar")).toBeVisible();
  await expect(dialog.getByTestId("bulk-summary")).toContainText(
    `${total.toLocaleString("en-US")} moved to the trash.`,
    { timeout: 120_000 },
  );
  await expect(dialog.getByTestId("bulk-progress-text")).toHaveText(
    `${total.toLocaleString("en-US")} of ${total.toLocaleString("en-US")}`,
  );
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(page.getByText("No leads yet")).toBeVisible();

  await page.goto("/audit");
  await expect(page.getByTestId("audit-table")).toContainText(
    `part ${Math.ceil(total / 1000)}/${Math.ceil(total / 1000)}`,
  );

  // Every one of them is in the trash; restore them all from there.
  await page.goto("/trash?scope=all&entity=leads");
  const trashTotal = await leadingNumber(page.getByTestId("trash-total").innerText());
  expect(trashTotal).toBeGreaterThanOrEqual(total);
  await page.getByRole("checkbox", { name: "Select all on this page" }).click();
  // Held like a slow network: until the snapshot is back, the export link is no link at all
  // (it would export the page's rows only), not even from the keyboard.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === "/trash",
    async (route) => {
      if (route.request().method() === "POST") await held;
      await route.continue();
    },
  );
  await page.getByRole("button", { name: `Select all ${trashTotal.toLocaleString("en-US")} matching` }).click();
  const exportLink = page.getByTestId("selection-export");
  await expect(page.getByTestId("selection-count")).toHaveText("Selecting all matching…");
  await expect(exportLink).not.toHaveAttribute("href");
  await expect(exportLink).toHaveAttribute("aria-disabled", "true");
  release();
  await expect(page.getByTestId("selection-count")).toHaveText(
    `All ${trashTotal.toLocaleString("en-US")} matching selected`,
  );
  await expect(exportLink).toHaveAttribute("href", /\/api\/app\/trash\/export\?/);
  await page.unrouteAll();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Restore" }).click();
  await dialog.getByLabel("Number of records").fill(String(trashTotal));
  await dialog.getByRole("button", { name: `Restore ${trashTotal.toLocaleString("en-US")}` }).click();
  await expect(dialog.getByTestId("bulk-summary")).toContainText("restored", { timeout: 120_000 });
  await dialog.getByRole("button", { name: "Close" }).click();

  await page.goto("/records/leads");
  expect(await leadingNumber(page.getByTestId("records-total").innerText())).toBe(trashTotal);
});

test("while “select all matching” is on its way, the bar's actions wait for it instead of taking only the page", async ({
  page,
}) => {
  await signIn(page, "member");
  await page.goto("/records/contacts");
  await hydrated(page);
  // The selection's server action is held until released, as a slow network would hold it.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/records/contacts", async (route) => {
    if (route.request().method() === "POST") await held;
    await route.continue();
  });
  await page.getByRole("checkbox", { name: "Select all on this page" }).click();
  await page.getByRole("button", { name: /^Select all [\d,]+ matching$/ }).click();
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await expect(page.getByTestId("selection-count")).toHaveText("Selecting all matching…");
  await expect(bar.getByRole("button", { name: "Delete" })).toBeDisabled();
  await page.keyboard.press("Delete");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  release();
  await expect(page.getByTestId("selection-count")).toHaveText(/^All [\d,]+ matching selected$/);
  await expect(bar.getByRole("button", { name: "Delete" })).toBeEnabled();
  await page.keyboard.press("Escape");
  await expect(bar).toHaveCount(0);
});

test("selection works from the keyboard: Space, Shift+Space for a range, Escape to clear", async ({ page }) => {
  await signIn(page, "member");
  await page.goto("/records/deals");
  const names = (await rows(page, "records-table").locator("td[data-column=name]").allInnerTexts()).map((n) =>
    n.trim(),
  );
  const first = page.getByRole("checkbox", { name: `Select ${names[0]}`, exact: true });
  const third = page.getByRole("checkbox", { name: `Select ${names[2]}`, exact: true });

  await first.focus();
  await page.keyboard.press("Space");
  await expect(first).toBeChecked();
  await third.focus();
  await expect(third).toBeFocused();
  await page.keyboard.press("Shift+Space");
  await expect(page.getByTestId("selection-count")).toHaveText("3 selected");
  await expect(page.getByRole("checkbox", { name: `Select ${names[1]}`, exact: true })).toBeChecked();

  // The bar's actions are reachable by Tab from the table.
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await bar.getByRole("button", { name: "Delete" }).focus();
  await expect(bar.getByRole("button", { name: "Delete" })).toBeFocused();

  await page.keyboard.press("Escape");
  await expect(bar).toBeHidden();
  await expect(first).not.toBeChecked();
});
