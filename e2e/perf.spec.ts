import { measureFirstLoad } from "../bench/first-load";
import { signIn } from "./helpers";
import type { Page } from "@playwright/test";
import { expect, hydrated, test } from "./test";

// The records page costs the server one document and a few calls, never a render per row
// (no prefetch of every row's page), and its first-load JavaScript stays within budget
// (`npm run bench` reports the same measurement at 200,000 records).
const MAX_APP_REQUESTS = 3;
const MAX_FIRST_LOAD_KIB = 180;

test("the records page: at most 3 app requests after the document, no row-page prefetch, first-load JS within 180 KiB", async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, "admin");
  // A fresh context with the session but an empty cache: a first load, as a new visitor's.
  const context = await browser.newContext({ storageState: await page.context().storageState() });
  const { js, appRequestsAfterDocument: after } = await measureFirstLoad(
    context,
    new URL(baseURL!).origin,
    "/records/leads",
    async (fresh) => {
      await hydrated(fresh);
      await expect(fresh.getByTestId("records-table").locator("tbody tr")).toHaveCount(50);
    },
  );
  await context.close();

  const rowPages = after.filter((u) => /^\/records\/[^/]+\/[^/]+/.test(u.pathname));
  expect(
    rowPages.map((u) => u.href),
    "row-page prefetches",
  ).toEqual([]);
  expect(
    after.length,
    `app requests after the document: ${after.map((u) => u.pathname + u.search).join(", ")}`,
  ).toBeLessThanOrEqual(MAX_APP_REQUESTS);
  // On the wire means the headers too: the stricter of the two readings of the budget.
  expect(
    js.withHeadersKib,
    `first-load JS: ${js.kib} KiB in ${js.requests} scripts (${js.withHeadersKib} KiB with headers)`,
  ).toBeLessThanOrEqual(MAX_FIRST_LOAD_KIB);
});

test("the trash and the segments list: no row-page prefetch", async ({ page, browser, baseURL }) => {
  await signIn(page, "admin");
  const context = await browser.newContext({ storageState: await page.context().storageState() });
  const origin = new URL(baseURL!).origin;
  const trash = await measureFirstLoad(context, origin, "/trash", async (fresh) => {
    await hydrated(fresh);
    await expect(fresh.getByTestId("trash-table").locator("tbody td[data-column=name] a").first()).toBeVisible();
  });
  expect(
    trash.appRequestsAfterDocument.filter((u) => /^\/trash\/[^/]+/.test(u.pathname)).map((u) => u.href),
    "trash preview prefetches",
  ).toEqual([]);

  const segments = await measureFirstLoad(context, origin, "/segments", async (fresh) => {
    await hydrated(fresh);
    await expect(fresh.getByTestId("segments-table").locator("tbody a").first()).toBeVisible();
  });
  expect(
    segments.appRequestsAfterDocument.filter((u) => /^\/segments\/[^/]+/.test(u.pathname)).map((u) => u.href),
    "segment page prefetches",
  ).toEqual([]);
  await context.close();
});

// Click → the row gone and the toast shown, as a person waits for it: measured in the page (the
// click's event time to the first frame where both hold), p50 over 20 tries per kind.
// PERF_TRIES=n for a quick look, PERF_DEBUG=1 to print each try's timeline (requests, toast, row gone).
const TRIES = Number(process.env.PERF_TRIES ?? 20);

/**
 * Arms a watcher for the next click: resolves to ms from that click until the rows are gone and the
 * toast is shown. The page is settled first (no request of its own in flight), as a person reads
 * it before clicking: the figure is the interaction's, not the page load's.
 */
async function armClickToDone(page: Page, rowsTestId: string, names: string[], toast: string) {
  await page.waitForLoadState("networkidle");
  await page.evaluate(
    ({ rowsTestId, names, toast }) => {
      const w = window as unknown as { clickToDone?: { click?: number; done?: number } };
      w.clickToDone = {};
      document.addEventListener("click", (e) => (w.clickToDone!.click = e.timeStamp), { capture: true, once: true });
      const check = () => {
        const shown = [...document.querySelectorAll("[data-sonner-toast]")].some((t) => t.textContent?.includes(toast));
        const cells = [...document.querySelectorAll(`[data-testid="${rowsTestId}"] td[data-column=name]`)];
        const gone = !cells.some((td) => names.includes(td.textContent?.trim() ?? ""));
        const c = w.clickToDone as { toastAt?: number; goneAt?: number };
        if (shown && c.toastAt === undefined) c.toastAt = performance.now();
        if (gone && c.goneAt === undefined) c.goneAt = performance.now();
        if (shown && gone && w.clickToDone!.click !== undefined && w.clickToDone!.done === undefined) {
          w.clickToDone!.done = performance.now();
          observer.disconnect();
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    { rowsTestId, names, toast },
  );
  return async () => {
    await page.waitForFunction(() => (window as unknown as { clickToDone: { done?: number } }).clickToDone.done);
    const { took, fetches } = await page.evaluate(() => {
      const t = (window as unknown as { clickToDone: { click: number; done: number } }).clickToDone;
      const fetches = performance
        .getEntriesByType("resource")
        .filter((e) => (e as PerformanceResourceTiming).initiatorType === "fetch" && e.startTime >= t.click - 1)
        .map(
          (e) =>
            `${e.name.slice(-30)} ${Math.round(e.startTime - t.click)}→${Math.round((e as PerformanceResourceTiming).responseEnd - t.click)}`,
        );
      const c = t as unknown as { toastAt: number; goneAt: number };
      return {
        took: t.done - t.click,
        fetches: [...fetches, `toast ${Math.round(c.toastAt - t.click)} gone ${Math.round(c.goneAt - t.click)}`],
      };
    });
    if (process.env.PERF_DEBUG) console.log(JSON.stringify({ toast, took: Math.round(took), fetches }));
    return took;
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

test("click to toast: delete, restore and bulk delete of 50 — row gone and toast shown, p50 over 20 tries", async ({
  page,
}) => {
  test.setTimeout(600_000);
  await signIn(page, "admin", "/records/deals");
  const rows = () => page.getByTestId("records-table").locator("tbody tr");
  const nameOf = async (row: ReturnType<typeof rows>) => (await row.locator("td[data-column=name]").innerText()).trim();
  const took = { delete: [] as number[], restore: [] as number[], bulk50: [] as number[] };

  for (let i = 0; i < TRIES; i++) {
    // Delete one row from the list…
    await page.goto("/records/deals");
    await hydrated(page);
    const row = rows().first();
    const name = await nameOf(row);
    await row.getByRole("button", { name: `Delete ${name}`, exact: true }).click();
    const deleted = await armClickToDone(page, "records-table", [name], "to the trash");
    await page.getByRole("button", { name: "Move to trash" }).click();
    took.delete.push(await deleted());

    // …and restore it from the trash.
    await page.goto(`/trash?${new URLSearchParams({ q: name })}`);
    await hydrated(page);
    const trashed = page.getByTestId("trash-table").locator("tbody tr").first();
    const restored = await armClickToDone(page, "trash-table", [name], "Restored");
    await trashed.getByRole("button", { name: `Restore ${name}`, exact: true }).click();
    took.restore.push(await restored());
  }

  for (let i = 0; i < TRIES; i++) {
    // A page of 50 selected and deleted at once, then put back with Undo (untimed).
    await page.goto("/records/deals");
    await hydrated(page);
    const names = await rows().locator("td[data-column=name]").allInnerTexts();
    expect(names).toHaveLength(50);
    await page.getByRole("checkbox", { name: "Select all on this page" }).check();
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const bulk = await armClickToDone(
      page,
      "records-table",
      names.map((n) => n.trim()),
      "Moved 50 records",
    );
    await page.getByRole("button", { name: "Move to trash" }).click();
    took.bulk50.push(await bulk());
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(page.getByText("Restored 50 records.")).toBeVisible();
  }

  const p50 = { delete: median(took.delete), restore: median(took.restore), bulk50: median(took.bulk50) };
  // A figure, not a pass mark: speed is judged by the bench's runs on a quiet machine, never by a
  // timed test (README, Performance, has the latest: issue 28's goal is 150 ms for each).
  console.log(`click to toast p50 (ms): ${JSON.stringify(p50)}; all: ${JSON.stringify(took)}`);
  test.info().annotations.push({ type: "click-to-toast-p50-ms", description: JSON.stringify(p50) });
});
