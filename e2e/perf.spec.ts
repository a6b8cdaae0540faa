import { measureFirstLoad } from "../bench/first-load";
import { signIn } from "./helpers";
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
