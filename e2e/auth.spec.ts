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
