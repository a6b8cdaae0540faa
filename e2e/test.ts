import { test as base, type Page } from "@playwright/test";

import { expect } from "@playwright/test";

export { expect };

/** Waits until React has hydrated the page (see components/hydration-marker.tsx). */
export async function hydrated(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/**
 * The suite's `test`: page.goto and page.reload return only once the page is interactive,
 * so a click never lands on server-rendered HTML whose handlers are not attached yet; and no
 * page may trip the Content-Security-Policy (a script without its nonce, an eval).
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
        violations.push(`${page.url()}: ${message.text()}`);
    });
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    page.goto = async (...args: Parameters<Page["goto"]>) => {
      const response = await goto(...args);
      await hydrated(page);
      return response;
    };
    page.reload = async (...args: Parameters<Page["reload"]>) => {
      const response = await reload(...args);
      await hydrated(page);
      return response;
    };
    await use(page);
    expect(violations, "CSP violations").toEqual([]);
  },
});
