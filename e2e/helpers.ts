import type { Locator, Page } from "@playwright/test";
import { expect, hydrated } from "./test";

export const PASSWORD = "demo-password";

export const USERS = {
  owner: { email: "owner@example.com", name: "Olivia Owner", role: "Owner" },
  admin: { email: "admin@example.com", name: "Adam Admin", role: "Admin" },
  member: { email: "member@example.com", name: "Maya Member", role: "Member" },
  member2: { email: "member2@example.com", name: "Marco Member", role: "Member" },
  viewer: { email: "viewer@example.com", name: "Vera Viewer", role: "Viewer" },
  otherOwner: { email: "owner@other.example.com", name: "Otto Other", role: "Owner" },
} as const;

export type DemoUser = keyof typeof USERS;

export async function signIn(page: Page, who: DemoUser, callbackUrl?: string) {
  const user = USERS[who];
  await page.goto(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-name")).toHaveText(user.name);
  await hydrated(page);
}

/** The row whose name cell reads exactly `name`: "Person 45" must not also find "Person 455". */
export function rowNamed(rows: Locator, name: string) {
  return rows.filter({ has: rows.page().locator("td[data-column=name]").getByText(name, { exact: true }) });
}
