import type { Page } from "@playwright/test";
import { expect, hydrated, test } from "./test";
import { rowNamed, signIn } from "./helpers";

// Issue 27, round two of the trash a team can trust: each test names the point it proves.

// Several sign-ins and bulk steps per test on a shared, slow machine.
test.beforeEach(() => test.setTimeout(180_000));

const rows = (page: Page, testId: string) => page.getByTestId(testId).locator("tbody tr");
const totalOf = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).innerText()).match(/[\d,]+/)![0].replace(/,/g, ""));
const nameOf = async (page: Page, testId: string, i: number) =>
  (await rows(page, testId).nth(i).locator("td[data-column=name]").innerText()).trim();

test("friction ladder: a permanent delete of two records asks for the count, and the server checks it", async ({
  page,
}) => {
  await signIn(page, "admin");
  await page.goto("/trash?sort=recent");
  const first = await nameOf(page, "trash-table", 0);
  const second = await nameOf(page, "trash-table", 1);
  await page.getByRole("checkbox", { name: `Select ${first}`, exact: true }).check();
  await page.getByRole("checkbox", { name: `Select ${second}`, exact: true }).check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Delete permanently" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Type 2 to confirm");
  const confirm = dialog.getByRole("button", { name: "Delete permanently" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Confirmation").fill("3");
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Confirmation").fill("2");
  await confirm.click();
  await expect(page.getByText("Deleted 2 records permanently.")).toBeVisible();
  await expect(rowNamed(rows(page, "trash-table"), first)).toHaveCount(0);
  await expect(rowNamed(rows(page, "trash-table"), second)).toHaveCount(0);

  // One record stays one click (in its dialog).
  const one = await nameOf(page, "trash-table", 0);
  await page.getByRole("button", { name: `Delete ${one} permanently` }).click();
  await expect(dialog.getByLabel("Confirmation")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Cancel" }).click();
});

test("counts that hide nothing: restoring all matching says how many are other people's deletions", async ({
  page,
}) => {
  // A page of leads deleted by Marco (so the trash has more than a page), then two by the admin.
  await signIn(page, "member2");
  await page.goto("/records/leads");
  await page.getByRole("checkbox", { name: "Select all on this page" }).check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Move to trash" }).click();
  await expect(page.getByText("Moved 50 records to the trash.")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, "admin");
  await page.goto("/records/contacts");
  for (let i = 0; i < 2; i++) {
    const name = await nameOf(page, "records-table", 0);
    await page.getByRole("button", { name: `Delete ${name}`, exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Move to trash" }).click();
    // By its cell, not its role: while the dialog closes the page is aria-hidden, and a role query
    // finds no link at all, so it passed before the row had gone.
    await expect(rowNamed(rows(page, "records-table"), name)).toHaveCount(0);
  }
  await page.goto("/trash?scope=mine");
  const mine = await totalOf(page, "trash-total");
  await page.goto("/trash");
  const all = await totalOf(page, "trash-total");
  expect(all).toBeGreaterThan(mine);
  await page.getByRole("checkbox", { name: "Select all on this page" }).check();
  await page.getByRole("button", { name: /^Select all .* matching$/ }).click();
  await expect(page.getByTestId("selection-count")).toContainText(`All ${all.toLocaleString("en-US")} matching`);
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Restore" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(
    `${(all - mine).toLocaleString("en-US")} of them were deleted by other people, not by you`,
  );
  // Cancelling keeps the selection (point 4).
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("selection-count")).toContainText(`All ${all.toLocaleString("en-US")} matching`);
});

test("least privilege: a new API key starts read-only and Escape on its secret asks first", async ({ page }) => {
  await signIn(page, "owner", "/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("checkbox", { name: /records:read/ })).toBeChecked();
  for (const scope of ["records:delete", "records:restore", "records:purge", "segments:delete"])
    await expect(dialog.getByRole("checkbox", { name: new RegExp(scope) })).not.toBeChecked();
  await dialog.getByLabel("Name").fill("Read-only by default");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByTestId("new-api-secret")).toBeVisible();
  await expect(dialog.getByText("records:read", { exact: true })).toBeVisible();
  await expect(dialog.getByText("records:purge", { exact: true })).toHaveCount(0);

  await page.keyboard.press("Escape");
  const ask = page.getByRole("alertdialog");
  await expect(ask).toContainText("Close without saving the secret?");
  await ask.getByRole("button", { name: "Keep it open" }).click();
  await expect(dialog.getByTestId("new-api-secret")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByRole("alertdialog").getByRole("button", { name: "Close, I have it" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const row = page.getByTestId("api-keys-table").locator("tbody tr").filter({ hasText: "Read-only by default" });
  await expect(row).toContainText("records:read");
  await expect(row).not.toContainText("records:delete");
});

test("keyboard: a skip link, focus to the next row after delete, an Undo shortcut, focus back after Undo", async ({
  page,
}) => {
  await signIn(page, "member2");
  await page.goto("/records/leads");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  const name = await nameOf(page, "records-table", 2);
  const next = await nameOf(page, "records-table", 3);
  await page.getByRole("button", { name: `Delete ${name}`, exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Move to trash" }).click();
  await expect(rowNamed(rows(page, "records-table"), name)).toHaveCount(0);
  // Focus lands on the row that took its place.
  await expect(page.getByRole("button", { name: `Delete ${next}`, exact: true })).toBeFocused();
  const toast = page.locator("[data-sonner-toast]").filter({ hasText: "Moved 1 record" });
  await expect(toast).toContainText("Ctrl+Z");
  await page.keyboard.press("Control+z");
  await expect(page.getByText("Restored 1 record.")).toBeVisible();
  await expect(page.getByTestId("records-table").getByRole("link", { name, exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: `Delete ${name}`, exact: true })).toBeFocused();
});

test("keyboard: cancelling a dialog keeps the selection; the whose-deletions toggle answers the arrow keys", async ({
  page,
}) => {
  await signIn(page, "admin");
  await page.goto("/records/leads");
  await page.getByRole("checkbox", { name: "Select all on this page" }).check();
  await page.getByRole("button", { name: /^Select all .* matching$/ }).click();
  await expect(page.getByTestId("selection-count")).toContainText("matching selected");
  const count = await page.getByTestId("selection-count").innerText();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("selection-count")).toHaveText(count);

  await page.goto("/trash");
  const all = page.getByRole("radio", { name: "All" });
  await expect(all).toBeChecked();
  await all.focus();
  await page.keyboard.press("ArrowLeft");
  await expect(page).toHaveURL(/scope=mine/);
  await expect(page.getByRole("radio", { name: "Deleted by me" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Deleted by me" })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/scope=all/);
  await expect(page.getByRole("radio", { name: "All" })).toBeChecked();
});

test("limits explained: a colleague's trashed record says who deleted it and that an admin can restore it", async ({
  page,
  browser,
}) => {
  await signIn(page, "member2");
  await page.goto("/records/deals");
  const link = page.getByTestId("records-table").locator("tbody tr td[data-column=name] a").nth(1);
  const name = (await link.innerText()).trim();
  await link.click();
  await expect(page.getByTestId("record-name")).toHaveText(name);
  const url = page.url();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Move to trash" }).click();
  await expect(page).toHaveURL(/\/records\/deals$/);

  const member = await browser.newContext();
  const memberPage = await member.newPage();
  await signIn(memberPage, "member");
  await memberPage.goto(url);
  await hydrated(memberPage);
  const notice = memberPage.getByTestId("trashed-elsewhere");
  await expect(notice).toContainText("is in the trash");
  await expect(notice).toContainText("Deleted by Marco Member");
  await expect(notice).toContainText("An admin can restore it");
  // The member's own trash says others' deletions exist and are not shown.
  await memberPage.goto("/trash");
  await expect(memberPage.getByTestId("trash-others-hidden")).toContainText(
    /\d[\d,]* records? deleted by other people (is|are) not shown here/,
  );
  await member.close();

  // Another workspace learns nothing: the id is unknown there.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, "otherOwner");
  await otherPage.goto(url);
  await hydrated(otherPage);
  await expect(otherPage.getByTestId("not-found")).toBeVisible();
  await expect(otherPage.getByTestId("trashed-elsewhere")).toHaveCount(0);
  await other.close();
});

test("limits explained: a VIEWER's trash says viewers cannot delete, not 'records you delete wait here'", async ({
  page,
}) => {
  await signIn(page, "viewer");
  await page.goto("/trash");
  await expect(page.getByText("Records you delete wait here")).toHaveCount(0);
  await expect(page.getByTestId("trash-viewer-note")).toContainText("Viewers cannot delete records");
});

test("layout at 1440: every row action sits inside the table's box", async ({ page }) => {
  await signIn(page, "admin");
  for (const [path, testId] of [
    ["/records/leads", "records-table"],
    ["/trash", "trash-table"],
  ] as const) {
    await page.goto(path);
    const box = (await page.getByTestId(testId).locator("xpath=..").boundingBox())!;
    const actions = rows(page, testId).locator("td[data-column=actions]");
    const count = Math.min(await actions.count(), 8);
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      for (const control of await actions.nth(i).locator("button:visible").all()) {
        const b = (await control.boundingBox())!;
        expect(b.x).toBeGreaterThanOrEqual(box.x);
        expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
      }
    }
  }
});

test.describe("layout at 390", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the countdown shows on every trash row, the filters wait in a sheet, the toast leaves the rows free", async ({
    page,
  }) => {
    await signIn(page, "admin");
    await page.goto("/trash");
    const trashRows = rows(page, "trash-table");
    const n = await trashRows.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const countdown = trashRows
        .nth(i)
        .locator("td[data-column=actions]")
        .getByText(/left|On hold|Due/);
      await expect(countdown).toBeVisible();
      const b = (await countdown.boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(390);
    }
    // The filters: one button, not 300 px of stacked controls before the first row.
    await expect(page.getByLabel("Entity")).toBeHidden();
    expect((await trashRows.first().boundingBox())!.y).toBeLessThan(560);
    await page.getByRole("button", { name: /^Filters/ }).click();
    const sheet = page.getByRole("dialog", { name: "Filter the trash" });
    await sheet.getByLabel("Entity").selectOption({ label: "Leads" });
    await expect(page).toHaveURL(/entity=leads/);
    await sheet.getByRole("button", { name: "Show results" }).click();
    await expect(page.getByRole("button", { name: "Filters (1)" })).toBeVisible();

    await page.goto("/records/contacts");
    const name = await nameOf(page, "records-table", 0);
    await page.getByRole("button", { name: `Delete ${name}`, exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Move to trash" }).click();
    const toast = page.locator("[data-sonner-toast]").filter({ hasText: "Moved 1 record" });
    await expect(toast).toBeVisible();
    const t = (await toast.boundingBox())!;
    const firstRow = (await rows(page, "records-table").first().boundingBox())!;
    expect(t.y + t.height).toBeLessThanOrEqual(firstRow.y);
  });
});

test("words: the toast says the real retention days; a favicon is served", async ({ page, request }) => {
  await signIn(page, "member");
  await page.goto("/records/contacts");
  const name = await nameOf(page, "records-table", 0);
  await page.getByRole("button", { name: `Delete ${name}`, exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Move to trash" }).click();
  const toast = page.locator("[data-sonner-toast]").filter({ hasText: "Moved 1 record" });
  await expect(toast).toContainText("for 14 days");
  await expect(toast).not.toContainText("retention period");
  // Restored another way, the toast's Undo would be stale: it goes.
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: /^Trash/ })
    .click();
  await page.getByRole("button", { name: `Restore ${name}`, exact: true }).click();
  await expect(page.getByText(/Restored 1 record/)).toBeVisible();
  await expect(toast).toHaveCount(0);
  const icon = await page.locator("link[rel=icon]").first().getAttribute("href");
  expect(icon).toBeTruthy();
  expect((await request.get(icon!)).status()).toBe(200);
});

test("batches: the audit log finds a batch by any record's name, shows it in the trash and restores it; a purged name is found too", async ({
  page,
}) => {
  await signIn(page, "member2");
  await page.goto("/records/deals");
  const batch = [
    await nameOf(page, "records-table", 0),
    await nameOf(page, "records-table", 1),
    await nameOf(page, "records-table", 2),
  ];
  // By row: deal names repeat.
  for (const i of [0, 1, 2]) await rows(page, "records-table").nth(i).getByRole("checkbox").check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Move to trash" }).click();
  await expect(page.getByText("Moved 3 records to the trash.")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, "admin");
  await page.goto(`/audit?q=${encodeURIComponent(batch[2]!)}`);
  const entry = rows(page, "audit-table").filter({ hasText: "Moved to trash" }).first();
  await expect(entry).toContainText("Marco Member");
  await entry.getByRole("link", { name: "All 3 records in the trash" }).click();
  await expect(page).toHaveURL(/\/trash\?batch=/);
  await expect(page.getByTestId("batch-filter")).toBeVisible();
  await expect(rows(page, "trash-table")).toHaveCount(3);
  for (const name of batch) await expect(page.getByTestId("trash-table")).toContainText(name);
  const batchUrl = page.url();

  await page.goto(`/audit?q=${encodeURIComponent(batch[2]!)}`);
  await rows(page, "audit-table")
    .filter({ hasText: "Moved to trash" })
    .first()
    .getByRole("button", { name: "Restore this batch" })
    .click();
  await expect(page.getByText("Restored 3 records.")).toBeVisible();
  await page.goto(batchUrl);
  await expect(page.getByText("The trash is empty")).toBeVisible();

  // Purged: the record is gone, its name is still in the log.
  await page.goto("/trash?sort=recent");
  const purged = await nameOf(page, "trash-table", 0);
  await page.getByRole("button", { name: `Delete ${purged} permanently` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete permanently" }).click();
  await expect(page.getByText("Deleted 1 record permanently.")).toBeVisible();
  await page.goto(`/audit?q=${encodeURIComponent(purged)}`);
  const gone = rows(page, "audit-table").filter({ hasText: "Deleted permanently" }).first();
  await expect(gone).toContainText(purged);
  await expect(gone).toContainText("deleted permanently by hand");
  await expect(gone).not.toContainText("hard_delete");
});

test("impact: the delete dialog names the on-delete automation and how often it runs; an ADMIN can skip it", async ({
  page,
}) => {
  await signIn(page, "admin");
  const runs = async () => {
    await page.goto("/automations");
    const row = page.locator("tr").filter({ hasText: "Notify lead owner on deletion" });
    return Number((await row.locator("td").nth(4).innerText()).replace(/,/g, ""));
  };
  const before = await runs();
  await page.goto("/records/leads");
  const first = await nameOf(page, "records-table", 0);
  await page.getByRole("button", { name: `Delete ${first}`, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("delete-automations")).toContainText("“Notify lead owner on deletion” runs once");
  await dialog.getByRole("checkbox", { name: "Run on-delete automations" }).uncheck();
  await expect(dialog.getByTestId("delete-automations")).toContainText("would run once");
  await dialog.getByRole("button", { name: "Move to trash" }).click();
  await expect(page.getByText("Moved 1 record to the trash.")).toBeVisible();
  expect(await runs()).toBe(before);

  await page.goto("/records/leads");
  const a = await nameOf(page, "records-table", 0);
  const b = await nameOf(page, "records-table", 1);
  await page.getByRole("checkbox", { name: `Select ${a}`, exact: true }).check();
  await page.getByRole("checkbox", { name: `Select ${b}`, exact: true }).check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Delete" }).click();
  await expect(dialog.getByTestId("delete-automations")).toContainText("“Notify lead owner on deletion” runs 2 times");
  await dialog.getByRole("button", { name: "Move to trash" }).click();
  await expect(page.getByText("Moved 2 records to the trash.")).toBeVisible();
  expect(await runs()).toBe(before + 2);
});

// Last: it empties the trash, then leaves three fresh deletions for the files after it.
test("empty trash names exactly what is erased and what is kept, and says it ignores the view's filters", async ({
  page,
}) => {
  await signIn(page, "admin");
  await page.goto("/trash");
  const held = await nameOf(page, "trash-table", 0);
  await page.getByRole("button", { name: `Keep ${held}`, exact: true }).click();
  await expect(page.getByRole("button", { name: `Release hold on ${held}`, exact: true })).toBeVisible();
  await page.goto("/trash?expiring=24h");
  await page.getByRole("button", { name: "Empty trash" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(/([\d,]+) erased, ([\d,]+) on hold kept/);
  const [, erased, kept] = (await dialog.innerText()).match(/([\d,]+) erased, ([\d,]+) on hold kept/)!;
  await expect(dialog).toContainText("The whole trash, not only this filtered view");
  await dialog.getByLabel("Confirmation").fill("empty trash");
  await dialog.getByRole("button", { name: "Empty trash" }).click();
  await expect(page.getByText(`Emptied the trash: ${erased} deleted permanently.`)).toBeVisible();
  await page.goto("/trash");
  expect(await totalOf(page, "trash-total")).toBe(Number(kept!.replace(/,/g, "")));
  await expect(rowNamed(rows(page, "trash-table"), held)).toHaveCount(1);

  // Leave a trash with countdowns for the files after this one: the hold released, three contacts deleted.
  await page.getByRole("button", { name: `Release hold on ${held}`, exact: true }).click();
  await expect(page.getByRole("button", { name: `Keep ${held}`, exact: true })).toBeVisible();
  await page.goto("/records/contacts");
  for (const i of [0, 1, 2]) await rows(page, "records-table").nth(i).getByRole("checkbox").click();
  await expect(page.getByTestId("selection-count")).toHaveText("3 selected");
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Move to trash" }).click();
  await expect(page.getByText("Moved 3 records to the trash.")).toBeVisible();
});

test("batches: the trash filters by the days deleted, UTC days with both ends included", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/records/contacts");
  const first = rows(page, "records-table").first();
  const id = (await first.getByRole("link").first().getAttribute("href"))!.split("/").pop()!;
  await first.getByRole("button", { name: /^Delete / }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Move to trash" }).click();
  await expect(page.getByTestId("records-table").locator(`a[href$="${id}"]`)).toHaveCount(0);

  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const justDeleted = page.getByTestId("trash-table").locator(`a[href$="${id}"]`);
  await page.goto("/trash?scope=all&sort=recent");
  await expect(justDeleted).toHaveCount(1);
  // Up to yesterday: today's deletion is not in it.
  await page.getByLabel("Deleted to").first().fill(day(-1));
  await expect(page).toHaveURL(new RegExp(`to=${day(-1)}`));
  await expect(justDeleted).toHaveCount(0);
  // From today on (and no end): it is.
  await page.goto("/trash?scope=all&sort=recent");
  await page.getByLabel("Deleted from").first().fill(day(0));
  await expect(page).toHaveURL(new RegExp(`from=${day(0)}`));
  await expect(justDeleted).toHaveCount(1);
  const todays = await totalOf(page, "trash-total");
  await page.goto("/trash?scope=all");
  expect(await totalOf(page, "trash-total")).toBeGreaterThan(todays);
});
