import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./test";
import { PASSWORD, signIn } from "./helpers";

// The server of this run writes every log line to LOG_FILE too (playwright.config.ts). Whatever
// secrets go through it — a password at sign-in, the session cookie, a fresh API secret used as
// a bearer token, a query value — none may appear in the log, in whatever spec put them there.
const LOG_FILE = path.resolve(`e2e/.data/${process.env.E2E_PORT ?? 3100}/server.log`);

test("the server's log has one JSON line per request with its id, and no password, cookie, token or API secret", async ({
  page,
  context,
  request,
}) => {
  await signIn(page, "admin", "/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Log check");
  await dialog.getByRole("button", { name: "Create key" }).click();
  const apiSecret = (await dialog.getByTestId("new-api-secret").textContent())!.trim();
  await dialog.getByRole("button", { name: "I have saved the secret" }).click();

  const answer = await request.get("/crm-core/v1/records?entityId=leads&limit=3&q=query-value-never-logged", {
    headers: { Authorization: `Bearer ${apiSecret}`, "X-Request-Id": "e2e-log-check" },
  });
  expect(answer.status()).toBe(200);
  expect(answer.headers()["x-request-id"]).toBe("e2e-log-check");
  await page.goto("/trash?q=another-query-value");

  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"))!.value;
  const csrf = cookies.find((c) => c.name.endsWith("next-auth.csrf-token"))?.value;

  await expect
    .poll(() => fs.existsSync(LOG_FILE) && fs.readFileSync(LOG_FILE, "utf8").includes("e2e-log-check"))
    .toBe(true);
  const log = fs.readFileSync(LOG_FILE, "utf8");
  const lines = log.split("\n").filter(Boolean);
  for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
  const apiLine = lines.map((l) => JSON.parse(l)).find((l) => l.requestId === "e2e-log-check" && l.msg === "request");
  expect(apiLine).toMatchObject({
    method: "GET",
    route: "/crm-core/v1/records",
    status: 200,
    userId: expect.any(String),
  });

  for (const secret of [apiSecret, PASSWORD, session, csrf, "query-value-never-logged", "another-query-value"].filter(
    (s): s is string => Boolean(s),
  ))
    expect(log, `the log must not contain ${secret.slice(0, 6)}…`).not.toContain(secret);
  expect(log).not.toMatch(/sk_[A-Za-z0-9_-]{20,}/);
  expect(log).not.toMatch(/session-token=/);
});
