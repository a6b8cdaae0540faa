import fs from "node:fs";
import path from "node:path";
import type { Request } from "@playwright/test";
import { FIRST_LOAD_FILE, type FirstLoadJs } from "../bench/first-load";
import { signIn } from "./helpers";
import { expect, hydrated, test } from "./test";

// The records page costs the server one document and a few calls, never a render per row
// (no prefetch of every row's page), and its first-load JavaScript stays within budget. The
// JavaScript figure is written where `npm run bench` prints it from.
const MAX_APP_REQUESTS = 3;
const MAX_FIRST_LOAD_KIB = 190;
const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const scripts = (requests: Request[]) => requests.filter((r) => r.resourceType() === "script");
const isStatic = (url: URL) => url.pathname.startsWith("/_next/static/") || url.pathname === "/favicon.ico";

test("the records page: at most 3 app requests after the document, no row-page prefetch, first-load JS within 190 KiB", async ({ page, browser, baseURL }) => {
  await signIn(page, "admin");
  // A fresh context with the session but an empty cache: a first load, as a new visitor's.
  const context = await browser.newContext({ storageState: await page.context().storageState() });
  const fresh = await context.newPage();
  const requests: Request[] = [];
  fresh.on("requestfinished", (r) => requests.push(r));

  await fresh.goto("/records/leads");
  await hydrated(fresh);
  await expect(fresh.getByTestId("records-table").locator("tbody tr")).toHaveCount(50);
  await fresh.waitForLoadState("networkidle");
  await fresh.waitForTimeout(1500); // idle-time prefetches come after the load settles

  const origin = new URL(baseURL!).origin;
  const app = requests.map((r) => new URL(r.url())).filter((u) => u.origin === origin);
  const documentIndex = app.findIndex((u) => u.pathname === "/records/leads");
  expect(documentIndex).toBeGreaterThanOrEqual(0);
  const after = app.slice(documentIndex + 1).filter((u) => !isStatic(u));

  // Bytes on the wire of every script the page loaded: the compressed bodies as sent, and
  // apart from them the HTTP response headers (each carries the security headers too).
  const sizes = await Promise.all(scripts(requests).map(async (r) => {
    const { responseBodySize, responseHeadersSize } = await r.sizes();
    return { path: new URL(r.url()).pathname, bytes: responseBodySize, headerBytes: responseHeadersSize };
  }));
  const bytes = sizes.reduce((sum, s) => sum + s.bytes, 0);
  const headerBytes = sizes.reduce((sum, s) => sum + s.headerBytes, 0);
  const figure: FirstLoadJs = {
    kib: kib(bytes), bytes, withHeadersKib: kib(bytes + headerBytes), requests: sizes.length, at: new Date().toISOString(),
    scripts: sizes.map(({ path, bytes }) => ({ path, bytes })),
  };
  fs.mkdirSync(path.dirname(FIRST_LOAD_FILE), { recursive: true });
  fs.writeFileSync(FIRST_LOAD_FILE, JSON.stringify(figure, null, 2));

  const rowPages = after.filter((u) => /^\/records\/[^/]+\/[^/]+/.test(u.pathname));
  expect(rowPages.map((u) => u.href), "row-page prefetches").toEqual([]);
  expect(after.length, `app requests after the document: ${after.map((u) => u.pathname + u.search).join(", ")}`).toBeLessThanOrEqual(MAX_APP_REQUESTS);
  // On the wire means the headers too: the stricter of the two readings of the budget.
  expect(figure.withHeadersKib, `first-load JS: ${figure.kib} KiB in ${figure.requests} scripts (${figure.withHeadersKib} KiB with headers)`).toBeLessThanOrEqual(MAX_FIRST_LOAD_KIB);
  await context.close();
});
