import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { signIn } from "./helpers";

// Shares the seeded database with the other specs (one worker, file order): it deletes only
// segments no other spec uses, and never a record.

function segmentRow(page: Page, name: string) {
  return page
    .getByTestId("segments-table")
    .locator("tbody tr")
    .filter({ has: page.getByRole("link", { name, exact: true }) });
}

function automationRow(page: Page, name: string) {
  return page.getByTestId("automations-table").locator("tbody tr[data-automation-id]").filter({ hasText: name });
}

test("a MEMBER creates a segment from a filter, with a live count, and browses its members", async ({ page }) => {
  await signIn(page, "member");
  await page.goto("/segments");
  await page.getByRole("button", { name: "New segment" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Referral leads in Lisbon");
  await dialog.getByLabel("Entity").selectOption("leads");
  await dialog.getByLabel("Field 1").selectOption("source");

  // An empty value is refused by the server, with the row named.
  await dialog.getByRole("button", { name: "Create segment" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Condition 1: Give a value");

  await dialog.getByLabel("Value 1").fill("Referral");
  await dialog.getByRole("button", { name: "Add condition" }).click();
  await dialog.getByLabel("Field 2").selectOption("city");
  const preview = page.waitForResponse(
    (r) => r.url().includes("/api/app/segments/preview") && decodeURIComponent(r.url()).includes("Lisbon"),
  );
  await dialog.getByLabel("Value 2").fill("Lisbon");
  const { count } = (await (await preview).json()) as { count: number };
  expect(count).toBeGreaterThan(0);
  await expect(dialog.getByTestId("segment-preview-count")).toHaveText(count.toLocaleString("en-US"));

  await dialog.getByRole("button", { name: "Create segment" }).click();
  await expect(page.getByText(`Created “Referral leads in Lisbon” with ${count} member`)).toBeVisible();
  await expect(dialog).toHaveCount(0);

  // From the server, not just the cache: the new segment is there with the previewed count.
  await page.reload();
  const row = segmentRow(page, "Referral leads in Lisbon");
  await expect(row).toContainText("Maya Member");
  await expect(row).toContainText("source is “Referral” and city is “Lisbon”");
  await expect(row.locator("td").nth(3)).toHaveText(String(count));

  await row.getByRole("link", { name: "Referral leads in Lisbon" }).click();
  await expect(page.getByTestId("segment-name")).toHaveText("Referral leads in Lisbon");
  await expect(page.getByTestId("members-total")).toContainText(`${count} member`);
  const members = page.getByTestId("members-table").locator("tbody tr");
  await expect(members).toHaveCount(Math.min(count, 50));
  await expect(members.first()).toContainText("Referral");
  await expect(members.first()).toContainText("Lisbon");
  const name = (await members.first().locator("td").first().innerText()).trim();
  await members.first().getByRole("link", { name }).click();
  await expect(page).toHaveURL(/\/records\/leads\/[^/]+$/);
  await expect(page.getByTestId("record-name")).toHaveText(name);
});

test("a MEMBER deletes their own segment after seeing the automation that will stop", async ({ page }) => {
  await signIn(page, "member");
  await page.goto("/segments");
  const row = segmentRow(page, "Qualified leads");
  await expect(row).toContainText("Welcome sequence for qualified leads");

  await row.getByRole("button", { name: "Delete segment Qualified leads" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Delete segment “Qualified leads”?");
  await expect(dialog).toContainText("can’t be undone");
  await expect(dialog.getByTestId("automations-that-stop")).toContainText("This automation will stop:");
  await expect(dialog.getByTestId("automations-that-stop")).toContainText("Welcome sequence for qualified leads");
  await dialog.getByRole("button", { name: "Delete segment", exact: true }).click();

  await expect(page.getByText("Deleted segment “Qualified leads”.")).toBeVisible();
  await expect(page.getByText("1 automation was detached and will not run again.")).toBeVisible();
  await expect(segmentRow(page, "Qualified leads")).toHaveCount(0);
  await page.reload();
  await expect(segmentRow(page, "Qualified leads")).toHaveCount(0);
  await expect(segmentRow(page, "Webinar sign-ups")).toHaveCount(1);

  await page.goto("/automations");
  const automation = automationRow(page, "Welcome sequence for qualified leads");
  await expect(automation).toContainText("Detached");
  await expect(automation).toContainText("Segment “Qualified leads” was deleted");

  await page.goto("/audit");
  const entry = page.getByTestId("audit-table").locator("tbody tr").first();
  await expect(entry).toContainText("Deleted segment");
  await expect(entry).toContainText("Qualified leads");
});

test("a MEMBER sees that someone else's segment is not theirs to delete; a VIEWER sees no controls", async ({
  page,
}) => {
  await signIn(page, "member");
  await page.goto("/segments");
  const row = segmentRow(page, "Trade show leads in Berlin");
  await expect(row).toContainText("Marco Member");
  const button = row.getByRole("button", { name: "Delete segment Trade show leads in Berlin" });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAttribute("title", "Only its creator or the workspace owner can delete it.");
  await button.click({ force: true });
  await expect(page.getByText("Only its creator or the workspace owner can delete it.")).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await row.getByRole("link", { name: "Trade show leads in Berlin" }).click();
  await expect(page.getByTestId("delete-not-allowed")).toHaveText(
    "Only its creator or the workspace owner can delete it. It was created by Marco Member.",
  );
  await expect(page.getByRole("button", { name: "Delete segment Trade show leads in Berlin" })).toBeDisabled();
  await expect(page.getByTestId("segment-automations")).toContainText("Invite to Berlin meetup");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, "viewer", "/segments");
  await expect(segmentRow(page, "Trade show leads in Berlin")).toHaveCount(1);
  await expect(page.getByRole("button", { name: /Delete segment|New segment/ })).toHaveCount(0);
});

test("the OWNER deletes someone else's segment, and its automation shows as Detached", async ({ page }) => {
  await signIn(page, "owner", "/segments");
  const row = segmentRow(page, "Trade show leads in Berlin");
  await row.getByRole("button", { name: "Delete segment Trade show leads in Berlin" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("automations-that-stop")).toContainText("Invite to Berlin meetup");
  await dialog.getByRole("button", { name: "Delete segment", exact: true }).click();
  await expect(page.getByText("Deleted segment “Trade show leads in Berlin”.")).toBeVisible();
  await page.reload();
  await expect(segmentRow(page, "Trade show leads in Berlin")).toHaveCount(0);

  await page.goto("/automations");
  const automation = automationRow(page, "Invite to Berlin meetup");
  await expect(automation.getByText("Detached", { exact: true })).toBeVisible();
  await expect(automation).toContainText("Stopped: it will not run again unless attached to another segment.");
  await automation.getByRole("button", { name: "Show recent runs of Invite to Berlin meetup" }).click();
  await expect(page.getByText("Recent runs")).toBeVisible();
  // Untouched: another segment's automation is still active.
  await expect(automationRow(page, "Deal desk alert").getByText("Active", { exact: true })).toBeVisible();

  // The way back: attached to another segment of leads, it is active again.
  await page.screenshot({ path: "test-results/trash-ux2/after/automation-detached-1440.png" });
  const choose = automation.getByRole("combobox", { name: "Segment for Invite to Berlin meetup" });
  const target = (await choose.locator("option").nth(1).textContent())!;
  await choose.selectOption({ index: 1 });
  await automation.getByRole("button", { name: "Attach" }).click();
  await expect(page.getByText(`“Invite to Berlin meetup” runs again, for records entering “${target}”.`)).toBeVisible();
  await expect(automation.getByText("Active", { exact: true })).toBeVisible();
  await expect(automation).toContainText(`Segment: ${target}`);
});

test("a search in the records list is saved as a segment whose members are exactly what the search shows", async ({
  page,
}) => {
  await signIn(page, "member2");
  await page.goto("/records/contacts?q=Garcia");
  const shown = Number((await page.getByTestId("records-total").innerText()).split(" ")[0]!.replace(/,/g, ""));
  expect(shown).toBeGreaterThan(0);
  await page.getByRole("link", { name: "Save search as segment" }).click();

  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("matches “Garcia”");
  await expect(dialog.getByLabel("Entity")).toHaveValue("contacts");
  await dialog.getByLabel("Name").fill("Garcia contacts");
  await dialog.getByRole("button", { name: "Create segment" }).click();
  await expect(dialog).toBeHidden();
  const row = page.locator("tr", { hasText: "Garcia contacts" });
  await expect(row).toContainText("matches “Garcia”");
  await expect(row).toContainText(String(shown));
  await expect(page).toHaveURL(/\/segments$/);
});
