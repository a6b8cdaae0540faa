import fs from "node:fs";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../test/chromium";

// Look at the pages: npm run screenshot -- [email] [path ...] → screenshots/*.png
// Needs a running server (BASE_URL, default http://localhost:3000).
const [email = "owner@example.com", ...paths] = process.argv.slice(2);
const base = process.env.BASE_URL ?? "http://localhost:3000";
const executablePath = findChromium();
if (!executablePath) throw new Error("No Chromium found: apt-get install -y chromium, or set CHROMIUM_PATH.");
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(`${base}/login`);
await page.screenshot({ path: "screenshots/login.png" });
await page.getByLabel("Email").fill(email);
await page.getByLabel("Password").fill(process.env.DEMO_PASSWORD ?? "demo-password");
await page.getByRole("button", { name: "Sign in" }).click();
await page.getByTestId("user-name").waitFor();
fs.mkdirSync("screenshots", { recursive: true });
for (const p of paths.length ? paths : ["/records/leads"]) {
  await page.goto(base + p);
  await page.waitForLoadState("load");
  await page.waitForTimeout(500);
  const file = `screenshots/${p.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}.png`;
  await page.screenshot({ path: file, fullPage: process.env.FULL === "1" });
  process.stdout.write(`${file}\n`);
}
await browser.close();
