import { signIn } from "./helpers";
import { expect, test } from "./test";

// The server runs with TZ=Pacific/Auckland (playwright.config.ts); the viewer is in New York.
test.use({ timezoneId: "America/New_York" });

/** What a wall clock in `timeZone` read at `iso`, put together from its parts. */
function wallClock(iso: string, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.month} ${parts.day}, ${parts.hour}:${parts.minute}:${parts.second}`;
}

test("the audit log shows New York time, rendered so by the server too, with the zone on hover", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/audit");
  const time = page.getByTestId("audit-table").locator("tbody tr").first().locator("time");
  const iso = (await time.getAttribute("datetime"))!;
  const text = wallClock(iso, "America/New_York");
  await expect(time).toHaveText(text);
  await expect(time).toHaveAttribute("title", /\d{1,2}:\d{2}:\d{2} [AP]M E[SD]T \(America\/New_York\)$/);

  // The server's own HTML already says New York time (no flash, no hydration mismatch) although its clock is Auckland's.
  const html = await (await page.request.get("/audit")).text();
  expect(html).toContain(`>${text}</time>`);
  expect(html).not.toContain(`>${wallClock(iso, "Pacific/Auckland")}</time>`);
});
