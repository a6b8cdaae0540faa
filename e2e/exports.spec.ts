import fs from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { signatureValid, startReceiver } from "../test/webhook-receiver";
import { expect, test } from "./test";
import { signIn } from "./helpers";

// Shares the seeded database with the other specs (one worker, file order): what it trashes it
// restores, and the webhook it sets stays (no other spec reads it).

const shot = (name: string) => ({ path: `test-results/exports/${name}.png`, fullPage: true });

async function screenshots(page: Page, name: string) {
  await page.screenshot(shot(`${name}-1440`));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot(shot(`${name}-390`));
  await page.setViewportSize({ width: 1440, height: 900 });
}

const csvRows = async (path: string | null) =>
  parse(fs.readFileSync(path!, "utf8"), { columns: true }) as Record<string, string>[];

test("the purge digest reaches a receiver on loopback with a valid signature, retried once after a 500, and the log shows both attempts", async ({
  page,
}) => {
  const receiver = await startReceiver([500]);
  try {
    await signIn(page, "admin", "/settings");
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
    await page.getByLabel("Webhook URL").fill(receiver.url);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Webhook saved.")).toBeVisible();

    await page.getByRole("button", { name: "Reveal" }).click();
    await expect(page.getByTestId("webhook-secret")).toHaveText(/^whsec_[\w-]{20,}$/);
    const secret = (await page.getByTestId("webhook-secret").innerText()).trim();

    await page.getByRole("button", { name: "Send digest now" }).click();
    await expect(page.getByText(/Digest of [\d,]+ records? delivered \(2 attempts\)/)).toBeVisible({ timeout: 30_000 });

    expect(receiver.received.map((d) => d.answered)).toEqual([500, 200]);
    expect(receiver.received.map((d) => signatureValid(d, secret))).toEqual([true, true]);
    expect(receiver.received.map((d) => d.headers["x-webhook-attempt"])).toEqual(["1", "2"]);
    expect(receiver.received[0]!.headers["x-webhook-id"]).toBe(receiver.received[1]!.headers["x-webhook-id"]);
    const digest = JSON.parse(receiver.received[1]!.body) as {
      type: string;
      workspace: { name: string };
      until: string;
      count: number;
      records: { name: string; purgeAt: string; deletedBy: unknown }[];
    };
    expect(digest).toMatchObject({ type: "trash.purge_digest", workspace: { name: "Demo" } });
    // The demo data has a record about to expire; everything listed goes within 24 hours.
    expect(digest.count).toBeGreaterThan(0);
    expect(digest.records).toHaveLength(digest.count);
    for (const r of digest.records)
      expect(new Date(r.purgeAt).getTime()).toBeLessThanOrEqual(new Date(digest.until).getTime());

    const delivery = page.getByTestId("webhook-delivery").first();
    await expect(delivery).toContainText("Delivered");
    await expect(delivery.getByTestId("webhook-attempt")).toHaveText([/#1.*HTTP 500.*ms/, /#2.*HTTP 200.*ms/]);
    await screenshots(page, "webhooks");
  } finally {
    await receiver.close();
  }
});

/** A Bearer secret for `who`, made through Settings → API keys. */
async function apiSecret(page: Page): Promise<string> {
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("E2E export seeding");
  // Keys start read-only; this one moves records to the trash and back.
  await dialog.getByRole("checkbox", { name: /records:delete/ }).check();
  await dialog.getByRole("checkbox", { name: /records:restore/ }).check();
  await dialog.getByRole("button", { name: "Create key" }).click();
  const secret = (await dialog.getByTestId("new-api-secret").innerText()).trim();
  await dialog.getByRole("button", { name: "I have saved the secret" }).click();
  return secret;
}

async function leadIds(request: APIRequestContext, auth: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor = "";
  while (ids.length < count) {
    const response = await request.get(
      `/crm-core/v1/records?entityId=leads&limit=200${cursor ? `&cursor=${cursor}` : ""}`,
      { headers: { Authorization: auth } },
    );
    expect(response.status()).toBe(200);
    const page = (await response.json()) as { items: { recordId: string }[]; nextCursor: string | null };
    ids.push(...page.items.map((r) => r.recordId));
    if (!page.nextCursor) break;
    cursor = encodeURIComponent(page.nextCursor);
  }
  return ids.slice(0, count);
}

async function bulk(request: APIRequestContext, auth: string, verb: "delete" | "restore", ids: string[]) {
  for (let i = 0; i < ids.length; i += 1000) {
    const response = await request.post(`/crm-core/v1/records/bulk/${verb}`, {
      headers: { Authorization: auth },
      data: { recordIds: ids.slice(i, i + 1000) },
    });
    expect(response.status(), await response.text()).toBe(200);
  }
}

test("a CSV export of 2,000 trashed rows downloads and parses with the right row count", async ({ page, request }) => {
  test.setTimeout(180_000);
  await signIn(page, "member2");
  const auth = `Bearer ${await apiSecret(page)}`;
  const total = async () =>
    Number((await page.getByTestId("trash-total").innerText()).match(/[\d,]+/)![0].replace(/,/g, ""));
  await page.goto("/trash?scope=mine&entity=leads");
  const before = await total();

  const ids = await leadIds(request, auth, 2000);
  expect(ids).toHaveLength(2000);
  await bulk(request, auth, "delete", ids);
  try {
    await page.reload();
    expect(await total()).toBe(before + 2000);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("trash-export").click()]);
    expect(download.suggestedFilename()).toMatch(/^trash-.*\.csv$/);
    const rows = await csvRows(await download.path());
    expect(rows).toHaveLength(before + 2000);
    const exported = new Set(rows.map((r) => r.id));
    expect(ids.every((id) => exported.has(id))).toBe(true);
    expect(new Set(rows.map((r) => r.deletedBy))).toEqual(new Set(["member2@example.com"]));
  } finally {
    await bulk(request, auth, "restore", ids);
  }
});

test("a trashed record's JSON export downloads from its preview and parses with its notes", async ({ page }) => {
  await signIn(page, "member");
  await page.goto("/records/leads");
  const links = page.getByTestId("records-table").locator("tbody tr td[data-column=name] a");
  // A lead with notes (most demo leads have some).
  let notes = 0;
  for (let i = 5; notes === 0; i++) {
    await page.goto("/records/leads");
    await links.nth(i).click();
    await expect(page.getByTestId("record-name")).toBeVisible();
    notes = Number((await page.getByRole("heading", { name: /^Notes \(\d+\)$/ }).innerText()).match(/\d+/)![0]);
  }
  const name = (await page.getByTestId("record-name").innerText()).trim();
  const noteTexts = await page.getByTestId("notes").locator("li > p:first-child").allInnerTexts();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("button", { name: "Move to trash" }).click();
  await expect(page).toHaveURL(/\/records\/leads$/);

  await page.goto("/trash?sort=recent");
  await page.getByTestId("trash-table").getByRole("link", { name, exact: true }).click();
  await expect(page.getByTestId("trash-banner")).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("record-export").click()]);
  expect(download.suggestedFilename()).toMatch(/^leads-\d+-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as {
    state: string;
    record: {
      name: string;
      notes: { body: string }[];
      activities: unknown[];
      subformRows: unknown[];
      relations: unknown[];
      attributes: object;
    };
    trash: { deletedBy: string };
  };
  expect(file).toMatchObject({ state: "trash", record: { name }, trash: { deletedBy: "Maya Member" } });
  expect(file.record.notes.map((n) => n.body)).toEqual(noteTexts);
  for (const part of ["activities", "subformRows", "relations"] as const)
    expect(Array.isArray(file.record[part])).toBe(true);
  await screenshots(page, "trash-preview");

  // Put it back for the specs after this one.
  await page.getByRole("button", { name: "Restore" }).first().click();
  await expect(page.getByText(/Restored/).first()).toBeVisible();
});

test("the records view's CSV has every row of the view as filtered, with every attribute", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/records/leads");
  const first = (await page.getByTestId("records-table").locator("tbody tr td[data-column=name]").first().innerText())
    .trim()
    .split(" ")[0]!;
  await page.goto(`/records/leads?q=${encodeURIComponent(first)}`);
  const total = Number((await page.getByTestId("records-total").innerText()).split(" ")[0]!.replace(/,/g, ""));
  expect(total).toBeGreaterThan(0);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("records-export").click()]);
  expect(download.suggestedFilename()).toMatch(/^leads-.*\.csv$/);
  const rows = await csvRows(await download.path());
  expect(rows).toHaveLength(total);
  expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(["id", "recordNumber", "name", "entity", "status"]));
  expect(new Set(rows.map((r) => r.entity))).toEqual(new Set(["leads"]));
  await screenshots(page, "records");
});

test("a trash selection's CSV has exactly the selected rows", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/trash");
  const boxes = page.getByTestId("trash-table").locator("tbody").getByRole("checkbox");
  const names: string[] = [];
  for (const i of [0, 1, 2]) {
    names.push((await boxes.nth(i).getAttribute("aria-label"))!.replace(/^Select /, ""));
    await boxes.nth(i).click();
  }
  await expect(page.getByTestId("selection-count")).toHaveText("3 selected");
  const bar = page.getByRole("region", { name: "Bulk actions" });
  const [download] = await Promise.all([page.waitForEvent("download"), bar.getByTestId("selection-export").click()]);
  const rows = await csvRows(await download.path());
  expect(rows.map((r) => r.name).sort()).toEqual([...names].sort());
  await screenshots(page, "trash-selection");
});
