import type { BrowserContext, Page, Request } from "@playwright/test";

// A page's first load in Chromium, as e2e/perf.spec.ts checks it and `npm run bench` reports
// it: the compressed bytes on the wire of every script the page loads (and, apart, with their
// response headers), and the requests it makes to the app server after the document.

export interface FirstLoadJs {
  /** The scripts' compressed bodies as sent. */
  kib: number;
  bytes: number;
  /** With each response's HTTP headers. */
  withHeadersKib: number;
  requests: number;
  /** Each script's path and bytes, to see where the budget goes. */
  scripts: { path: string; bytes: number }[];
}

export interface FirstLoad {
  js: FirstLoadJs;
  /** Requests to the app server after the document, build assets aside. */
  appRequestsAfterDocument: URL[];
}

const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
// The favicon (app/icon.svg, fingerprinted) is a static file too, not a render.
const isStatic = (url: URL) =>
  url.pathname.startsWith("/_next/static/") || url.pathname === "/favicon.ico" || url.pathname === "/icon.svg";

/**
 * Opens `path` in a new page of `context` (give it an empty cache: a new visitor's first load),
 * waits for `ready` and for the network to settle, and measures what the page loaded.
 */
export async function measureFirstLoad(
  context: BrowserContext,
  origin: string,
  path: string,
  ready: (page: Page) => Promise<void>,
): Promise<FirstLoad> {
  const page = await context.newPage();
  const requests: Request[] = [];
  page.on("requestfinished", (r) => requests.push(r));
  await page.goto(origin + path);
  await ready(page);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1500); // idle-time prefetches come after the load settles

  const app = requests.map((r) => new URL(r.url())).filter((u) => u.origin === origin);
  const documentIndex = app.findIndex((u) => u.pathname === path);
  if (documentIndex < 0) throw new Error(`${path}: the document request was not seen`);

  const sizes = await Promise.all(
    requests
      .filter((r) => r.resourceType() === "script")
      .map(async (r) => {
        const { responseBodySize, responseHeadersSize } = await r.sizes();
        return { path: new URL(r.url()).pathname, bytes: responseBodySize, headerBytes: responseHeadersSize };
      }),
  );
  const bytes = sizes.reduce((sum, s) => sum + s.bytes, 0);
  const headerBytes = sizes.reduce((sum, s) => sum + s.headerBytes, 0);
  await page.close();
  return {
    js: {
      kib: kib(bytes),
      bytes,
      withHeadersKib: kib(bytes + headerBytes),
      requests: sizes.length,
      scripts: sizes.map(({ path, bytes }) => ({ path, bytes })),
    },
    appRequestsAfterDocument: app.slice(documentIndex + 1).filter((u) => !isStatic(u)),
  };
}
