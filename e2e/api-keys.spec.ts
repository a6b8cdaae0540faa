import { createHmac, randomBytes } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./test";
import { signIn } from "./helpers";

// Shares the seeded database with the other specs (one worker, file order): it only adds API
// keys, and the OWNER's view below expects the key the MEMBER made in the first test.

const KEY_NAME = "E2E integration";

function keyRow(page: Page, apiKey: string) {
  return page.getByTestId("api-keys-table").locator("tbody tr").filter({ hasText: apiKey });
}

/** The header docs/API.md describes: hex(HMAC-SHA256(apiSecret, date + salt)), with a fresh salt. */
function hmacHeader(apiKey: string, apiSecret: string): string {
  const date = new Date().toISOString();
  const salt = randomBytes(16).toString("hex");
  const signature = createHmac("sha256", apiSecret)
    .update(date + salt)
    .digest("hex");
  return `HMAC-SHA256 apiKey=${apiKey}, date=${date}, salt=${salt}, signature=${signature}`;
}

const entities = (request: APIRequestContext, authorization: string) =>
  request.get("/crm-core/v1/entities", { headers: { Authorization: authorization } });

test("a MEMBER creates an API key, sees its secret once, calls the API with it, and revoking it locks the API out", async ({
  page,
  context,
  request,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, "member", "/settings");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();

  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog");
  // Only the scopes a MEMBER's role allows; read-only to begin with, every wider scope a deliberate tick.
  const scopes = dialog.getByRole("checkbox");
  await expect(scopes).toHaveCount(5);
  for (const box of await scopes.all())
    if ((await box.getAttribute("data-scope")) !== "records:read") await expect(box).not.toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: /records:read/ })).toBeChecked();
  await expect(dialog).not.toContainText("records:purge");
  await dialog.getByRole("checkbox", { name: /records:delete/ }).check();

  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Give the key a name");
  await dialog.getByLabel("Name").fill(KEY_NAME);
  await dialog.getByRole("button", { name: "Create key" }).click();

  await expect(dialog.getByRole("heading", { name: `Save your key “${KEY_NAME}”` })).toBeVisible();
  await expect(dialog).toContainText("it will not be shown again");
  const apiKey = (await dialog.getByTestId("new-api-key").textContent())!.trim();
  const apiSecret = (await dialog.getByTestId("new-api-secret").textContent())!.trim();
  expect(apiKey).toMatch(/^ak_[0-9a-f]+$/);
  expect(apiSecret).toMatch(/^sk_\S{20,}$/);
  await expect(dialog.getByTestId("new-api-curl")).toHaveText(
    `curl -H "Authorization: Bearer ${apiSecret}" ${baseURL}/crm-core/v1/entities`,
  );

  await dialog.getByRole("button", { name: "Copy API secret" }).click();
  await expect(page.getByText("API secret copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(apiSecret);

  await dialog.getByRole("button", { name: "I have saved the secret" }).click();
  await expect(dialog).toHaveCount(0);
  const row = keyRow(page, apiKey);
  await expect(row).toContainText(KEY_NAME);
  await expect(row).toContainText("never");
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  await expect(page.getByText(apiSecret)).toHaveCount(0);

  // The key works, by bearer token and by an HMAC signature made as docs/API.md says; a replayed signature does not.
  const bearer = await entities(request, `Bearer ${apiSecret}`);
  expect(bearer.status()).toBe(200);
  expect(((await bearer.json()) as { items: { slug: string }[] }).items.map((e) => e.slug)).toContain("leads");
  const signed = hmacHeader(apiKey, apiSecret);
  expect((await entities(request, signed)).status()).toBe(200);
  expect((await entities(request, signed)).status()).toBe(401);

  // From the server: the scopes chosen, the first use, and still no secret.
  await page.reload();
  await expect(row).toContainText("records:read");
  await expect(row).toContainText("records:delete");
  await expect(row).not.toContainText("segments:delete");
  await expect(row).not.toContainText("never");
  await expect(page.getByText(apiSecret)).toHaveCount(0);

  await row.getByRole("button", { name: `Revoke API key ${KEY_NAME}`, exact: true }).click();
  const confirm = page.getByRole("dialog");
  await expect(confirm).toContainText(`Revoke “${KEY_NAME}”?`);
  await expect(confirm).toContainText(apiKey);
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText(`Revoked “${KEY_NAME}”.`)).toBeVisible();
  await expect(confirm).toHaveCount(0);
  await expect(row.getByText("Revoked", { exact: true })).toBeVisible();

  expect((await entities(request, `Bearer ${apiSecret}`)).status()).toBe(401);
  expect((await entities(request, hmacHeader(apiKey, apiSecret))).status()).toBe(401);

  await page.reload();
  await expect(row.getByText("Revoked", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
});

test("the OWNER sees every member's keys with whose they are; a VIEWER is told keys are for members", async ({
  page,
}) => {
  await signIn(page, "owner", "/settings/api-keys");
  const row = page.getByTestId("api-keys-table").locator("tbody tr").filter({ hasText: KEY_NAME });
  await expect(row).toContainText("Maya Member");
  await expect(row.getByText("Revoked", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Create API key" }).click();
  // The OWNER may give a key every scope, purge included.
  await expect(page.getByRole("dialog").getByRole("checkbox")).toHaveCount(6);
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, "viewer", "/settings/api-keys");
  // A VIEWER may hold a read-only key: the dialog offers records:read alone.
  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.getByRole("dialog").getByRole("checkbox")).toHaveCount(1);
});

test("the API reference shows every dialect and every operation of the OpenAPI document", async ({ page, request }) => {
  const doc = (await (await request.get("/api/openapi.json")).json()) as {
    openapi: string;
    paths: Record<string, Record<string, unknown>>;
  };
  expect(doc.openapi).toBe("3.1.0");
  const operations = Object.values(doc.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);

  await signIn(page, "viewer", "/settings");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Authentication" })).toBeVisible();
  for (const tag of ["crm-core", "record-lists", "crm-v2", "v2-crm"]) {
    await expect(page.getByRole("heading", { level: 2, name: tag, exact: true })).toBeVisible();
  }
  await expect(page.getByTestId("api-operation")).toHaveCount(operations);
  const hardDelete = page.locator("#deleteV2CrmObjectSlugRecordId");
  await expect(hardDelete).toContainText("Delete a record permanently");
  await expect(hardDelete).toContainText("records:purge");
  await expect(page.getByRole("link", { name: "OpenAPI 3.1 JSON" })).toHaveAttribute("href", "/api/openapi.json");
});
