import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./test/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

function chromiumPath(): string {
  const found = findChromium();
  if (!found) {
    throw new Error(
      "No Chromium found. Install one with `apt-get install -y chromium` or set CHROMIUM_PATH to a Chromium/Chrome binary.",
    );
  }
  return found;
}

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } } }],
  webServer: {
    // A fresh embedded database per run, seeded with the demo data, on a production build.
    command: `rm -rf e2e/.data/${PORT} && node --import tsx --conditions=react-server scripts/start.ts`,
    url: `${baseURL}/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    // Every line is in LOG_FILE; piping it here would bury the test report.
    stdout: "ignore",
    env: {
      PORT: String(PORT),
      DATABASE_URL: `file:e2e/.data/${PORT}/pglite`,
      // Enough leads (over 2,000) for the "select all matching" e2e.
      DEMO_RECORDS: "4400",
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production",
      NEXT_TELEMETRY_DISABLED: "1",
      PURGE_INTERVAL_MINUTES: "0",
      // Every log line also lands here: e2e/logs.spec.ts reads it for secrets.
      LOG_FILE: `e2e/.data/${PORT}/server.log`,
      // The webhook spec's receiver listens on loopback, which webhooks refuse by default.
      WEBHOOK_ALLOW_PRIVATE: "1",
      // Not the default folder, so the demo data is asked for explicitly (scripts/prepare-db.ts).
      SEED_DEMO: "1",
      // A server far from the browser (e2e/time-zone.spec.ts uses America/New_York): times must follow the viewer.
      TZ: "Pacific/Auckland",
    },
  },
});
