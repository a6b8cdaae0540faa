import fs from "node:fs";
import { bigFile } from "../test/import-file";
import { signIn } from "./helpers";
import { expect, test } from "./test";

// Issue 24, "Done when": a CSV of 2,000 rows with 7 bad ones (a BOM, quoted commas and line
// breaks, missing names, invalid phones) → progress → "1,993 created, 7 failed" → the failures
// CSV lists the 7 by line → the same file again, updating matches, creates nothing.

test("import 2,000 leads with 7 bad rows, download the failures, and re-run it as an update", async ({ page }) => {
  test.setTimeout(240_000);
  const { text, bad } = bigFile(`e2e${Date.now().toString(36)}`);
  const file = { name: "leads-2000.csv", mimeType: "text/csv", buffer: Buffer.from(text, "utf8") };
  await signIn(page, "member", "/records/leads");
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page.getByRole("heading", { name: "Import leads" })).toBeVisible();

  async function uploadAndMap() {
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole("button", { name: "Upload and map columns" }).click();
    await expect(page.getByText("2,000 rows in the file")).toBeVisible();
    await expect(page.getByLabel("Import “Company” as")).toHaveValue("attributes.company");
  }

  await uploadAndMap();
  // The preview names the first bad row's problem before anything is written.
  await expect(page.getByRole("cell", { name: "name: Give the record a name" })).toBeVisible();
  await page.getByRole("button", { name: "Dry run" }).click();
  await expect(page.getByText("Dry run: 1,993 would be created, 0 updated, 7 refused")).toBeVisible();
  await page.screenshot({ path: "test-results/imports/setup.png", fullPage: true });

  // 2,000 rows can finish between two polls: a watcher in the page notes that the bar was shown.
  await page.evaluate(() => {
    const seen = window as unknown as { sawProgress?: string };
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"][aria-label="Import progress"]');
      if (bar) seen.sawProgress = bar.getAttribute("aria-valuenow") ?? "";
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.getByRole("button", { name: "Import 2,000 rows" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText("1,993 created, 0 updated, 7 failed", {
    timeout: 120_000,
  });
  expect(await page.evaluate(() => (window as unknown as { sawProgress?: string }).sawProgress)).toBeDefined();
  const lines = [...bad].sort((a, b) => a - b);
  for (const line of lines) await expect(page.getByRole("cell", { name: String(line), exact: true })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("import-failures-download").click(),
  ]);
  const csv = fs
    .readFileSync((await download.path())!, "utf8")
    .trim()
    .split("\n");
  expect(csv[0]).toBe("line,reason");
  expect(csv.slice(1).map((row) => Number(row.split(",")[0]))).toEqual(lines);
  await page.screenshot({ path: "test-results/imports/result.png", fullPage: true });

  // The same file again: flagged, and with "Update matching records" nothing is created twice.
  await page.getByRole("link", { name: "Import another file" }).click();
  await uploadAndMap();
  await expect(page.getByText("This file was imported into leads before")).toBeVisible();
  await expect(page.getByLabel("Update matching records")).toBeChecked();
  await page.screenshot({ path: "test-results/imports/same-file.png", fullPage: true });
  // The re-run on a phone: the page never scrolls sideways (wide tables scroll inside their card).
  await page.setViewportSize({ width: 390, height: 844 });
  const noPageOverflow = async () =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await noPageOverflow();
  await page.screenshot({ path: "test-results/imports/setup-390.png", fullPage: true });
  await page.getByRole("button", { name: "Import 2,000 rows" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText("0 created, 1,993 updated, 7 failed", {
    timeout: 120_000,
  });
  await noPageOverflow();
  await page.screenshot({ path: "test-results/imports/result-390.png", fullPage: true });
});

test("a viewer has no Import button and the import page says why", async ({ page }) => {
  await signIn(page, "viewer", "/records/leads");
  await expect(page.getByRole("link", { name: "Import CSV" })).toHaveCount(0);
  await page.goto("/records/leads/import");
  await expect(page.getByText("Your role (viewer) cannot import records.")).toBeVisible();
});
