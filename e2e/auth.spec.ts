import { expect, test } from "./test";
import { signIn, USERS, type DemoUser } from "./helpers";

for (const who of Object.keys(USERS) as DemoUser[]) {
  test(`${who} signs in and sees the records list with their role`, async ({ page }) => {
    await signIn(page, who);
    await expect(page).toHaveURL(/\/records\/leads$/);
    await expect(page.getByTestId("user-role")).toHaveText(USERS[who].role);
    await expect(page.getByTestId("records-table").locator("tbody tr")).toHaveCount(50);
    await expect(page.getByTestId("workspace-name")).toHaveText(who === "otherOwner" ? "Other Corp" : "Demo");
  });
}

test("a wrong password gets a clear message and no session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(USERS.admin.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Incorrect email or password" })).toBeVisible();
  await page.goto("/records");
  await expect(page).toHaveURL(/\/login/);
});

test("a protected page redirects to sign-in when signed out, and back after", async ({ page }) => {
  await page.goto("/trash");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ftrash/);
  await page.getByLabel("Email").fill(USERS.member.email);
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/trash$/);
});

test("sign-out ends the session", async ({ page }) => {
  await signIn(page, "member");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/records/leads");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("#1 a callbackUrl to another site is not followed after sign-in; the login page shows the seeded demo credentials", async ({
  page,
}) => {
  await page.goto("/login?callbackUrl=/%5Cevil.example");
  await expect(page.getByTestId("demo-credentials")).toContainText("owner@example.com");
  await page.getByLabel("Email").fill(USERS.member.email);
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/records\/leads$/);
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
});

test("#9 the pages carry the security headers and still work under the CSP", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/.test(m.text())) errors.push(m.text());
  });
  const response = await page.goto("/login");
  expect(response!.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(response!.headers()["x-frame-options"]).toBe("DENY");
  await signIn(page, "admin");
  await expect(page.getByTestId("records-table").locator("tbody tr")).toHaveCount(50);
  await page.goto("/trash");
  await expect(page.getByTestId("trash-table")).toBeVisible();
  expect(errors).toEqual([]);
});

test("the demo's owner also helps run Other Corp: the switcher changes workspace and role, and back", async ({
  page,
}) => {
  await signIn(page, "owner");
  const switcher = page.getByRole("combobox", { name: "Workspace" });
  await expect(switcher).toHaveValue(/.+/);
  await switcher.selectOption({ label: "Other Corp" });
  await expect(page.getByTestId("workspace-name")).toHaveText("Other Corp");
  await expect(page.getByTestId("user-role")).toHaveText("Admin");
  // Every rule stays per workspace: an admin here manages no owner.
  await page.goto("/settings/members");
  await expect(page.getByRole("combobox", { name: "Role of Otto Other" })).toHaveCount(0);
  await page.getByRole("combobox", { name: "Workspace" }).selectOption({ label: "Demo" });
  await expect(page.getByTestId("workspace-name")).toHaveText("Demo");
  await expect(page.getByTestId("user-role")).toHaveText("Owner");
});
