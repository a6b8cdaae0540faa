import { chromium } from "@playwright/test";
import type { SqlRunner } from "@/lib/db/sql-runner";
import { CHROMIUM_ARGS, findChromium } from "@/test/chromium";
import { unmeasurableBuild } from "@/scripts/build-state";
import { startServer } from "@/test/server";
import { measureFirstLoad, type FirstLoadJs } from "./first-load";
import { benchAdminCookie } from "./session";

/**
 * The records page's first-load JavaScript from a real page load: `next start` on the
 * production build against the bench's PostgreSQL schema, the bench admin signed in (with a
 * password made up for this run), Chromium with an empty cache. A line saying why when it cannot run.
 */
export async function recordsPageFirstLoad(run: SqlRunner, databaseUrl: string): Promise<FirstLoadJs | string> {
  const unmeasurable = unmeasurableBuild();
  if (unmeasurable) return `skipped: ${unmeasurable}`;
  const executablePath = findChromium();
  if (!executablePath) return "skipped: no Chromium (apt-get install -y chromium, or set CHROMIUM_PATH)";
  const server = await startServer({ databaseUrl });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const cookie = await benchAdminCookie(run, server.url);
    const context = await browser.newContext();
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const eq = pair.indexOf("=");
        return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: server.url };
      }),
    );
    const { js } = await measureFirstLoad(context, server.url, "/records/leads", async (page) => {
      await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
      await page.getByTestId("records-table").locator("tbody tr").first().waitFor();
    });
    return js;
  } finally {
    await browser.close();
    await server.stop();
  }
}
