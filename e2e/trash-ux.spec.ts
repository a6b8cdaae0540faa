import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, hydrated, test } from "./test";
import { signIn } from "./helpers";

const shot = (name: string) => ({ path: `test-results/trash-ux/${name}.png`, fullPage: true });

test("a MEMBER previews a trashed record from the trash and restores it from there; another MEMBER is told who deleted it", async ({
  page,
  browser,
}) => {
  await signIn(page, "member");
  await page.goto("/records/leads");
  const link = page.getByTestId("records-table").locator("tbody tr td[data-column=name] a").nth(3);
  const name = (await link.innerText()).trim();
  await link.click();
  await expect(page.getByTestId("record-name")).toHaveText(name);
  const liveUrl = page.url();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("button", { name: "Move to trash" }).click();
  await expect(page).toHaveURL(/\/records\/leads$/);

  await page.goto("/trash");
  await page.getByTestId("trash-table").getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveURL(/\/trash\/[^/?]+$/);
  const previewUrl = page.url();
  await expect(page.getByTestId("record-name")).toHaveText(name);
  await expect(page.getByTestId("trash-banner")).toContainText(
    "In the trash — deleted by Maya Member, 14 days left (purged on",
  );
  await expect(page.getByTestId("record-history")).toContainText("Moved to trash by Maya Member");
  await page.screenshot(shot("preview"));

  // The live URL of a trashed record leads to its preview, for whoever may restore it.
  await page.goto(liveUrl);
  await expect(page).toHaveURL(previewUrl);

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, "member2");
  for (const url of [previewUrl, liveUrl]) {
    await otherPage.goto(url);
    await hydrated(otherPage);
    // Not the preview (not theirs to restore), but not a bare not-found either (issue 27).
    await expect(otherPage.getByTestId("trashed-elsewhere")).toContainText("Deleted by Maya Member");
    await expect(otherPage.getByTestId("record-name")).toHaveCount(0);
  }
  await other.close();

  await page.getByRole("button", { name: `Restore ${name}`, exact: true }).click();
  await expect(page.getByText(/Restored 1 record/)).toBeVisible();
  await expect(page).toHaveURL(liveUrl);
  await expect(page.getByTestId("record-name")).toHaveText(name);
  await expect(page.getByTestId("record-history")).toContainText("Restored by Maya Member");
});

test("the purge notice counts the member's records with hours left and links to them", async ({ page }) => {
  await signIn(page, "member");
  const notice = page.getByTestId("purge-notice-nav");
  await expect(notice).toContainText(/\d+ records? you deleted will be purged within 24 hours — review/);
  const count = Number((await notice.innerText()).match(/(\d+) record/)![1]);
  await page.screenshot(shot("purge-notice-nav"));
  await notice.getByRole("link", { name: "review" }).click();
  await expect(page).toHaveURL(/\/trash\?scope=mine&expiring=24h$/);
  await expect(page.getByTestId("purge-notice-page")).toBeVisible();
  const rows = page.getByTestId("trash-table").locator("tbody tr");
  await expect(rows).toHaveCount(count);
  for (const label of await rows.getByTestId("time-left").allInnerTexts())
    expect(label).toMatch(/(hours?|minutes?) left/);
  await page.screenshot(shot("purge-notice-trash"));
});

test("the audit log filtered by actor and action shows only matching entries and survives a reload", async ({
  page,
}) => {
  await signIn(page, "admin");
  await page.goto("/audit");
  await page.getByLabel("Who").selectOption({ label: "Maya Member" });
  await expect(page).toHaveURL(/actor=/);
  await page.getByLabel("What").selectOption({ label: "Moved to trash" });
  await expect(page).toHaveURL(/action=records\.delete/);
  const check = async () => {
    const rows = page.getByTestId("audit-table").locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    for (const who of await rows.locator("td:nth-child(2)").allInnerTexts()) expect(who).toBe("Maya Member");
    for (const action of await rows
      .locator("td[data-action]")
      .evaluateAll((tds) => tds.map((td) => td.getAttribute("data-action"))))
      expect(action).toBe("records.delete");
  };
  await check();
  await page.screenshot(shot("audit-filtered"));
  await page.reload();
  await expect(page.getByLabel("Who")).toHaveValue(/.+/);
  await expect(page.getByLabel("What")).toHaveValue("records.delete");
  await check();
});

test("a CSV export of the trash view downloads and parses with one row per record of the view", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/trash");
  const total = Number((await page.getByTestId("trash-total").innerText()).match(/[\d,]+/)![0].replace(/,/g, ""));
  await page.screenshot(shot("trash"));
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("trash-export").click()]);
  const rows = parse(fs.readFileSync((await download.path())!, "utf8"), { columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(total);
  expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(["id", "name", "deletedAt", "purgeAt", "deletedBy"]));
  expect(download.suggestedFilename()).toMatch(/^trash-.*\.csv$/);
});
