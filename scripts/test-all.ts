import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { NGINX } from "../test/cluster/nginx";

// npm test: typecheck, lint, the domain suite (Vitest) and the browser suite (Playwright),
// then one summary. Every step runs even when an earlier one fails, so one run tells all.
interface Step {
  name: string;
  command: string[];
  env?: Record<string, string>;
  count?: () => { passed: number; failed: number; skipped: number };
}

fs.mkdirSync("test-results", { recursive: true });
const VITEST_JSON = "test-results/vitest.json";
const PLAYWRIGHT_JSON = "test-results/playwright.json";
for (const f of [VITEST_JSON, PLAYWRIGHT_JSON]) fs.rmSync(f, { force: true });

const readJson = (file: string) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null);

const steps: Step[] = [
  { name: "typecheck", command: ["npx", "prisma", "generate"] },
  { name: "typecheck", command: ["npx", "tsc", "--noEmit"] },
  // The formatter's check: one layout for every file (.prettierrc.json; `npm run format` fixes it).
  { name: "lint", command: ["npx", "prettier", "--check", "."] },
  { name: "lint", command: ["npx", "eslint", "--max-warnings=0", "."] },
  // Copy-paste check: the same code twice in the app (tests, migrations, generated code aside; .jscpd.json).
  { name: "lint", command: ["npx", "jscpd"] },
  // One production build, before the suites: the HTTP tests start it against their own
  // database, and the browser suite's server finds it up to date.
  { name: "build", command: ["npx", "next", "build"] },
  {
    name: "vitest",
    command: ["npx", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`],
    count: () => {
      const r = readJson(VITEST_JSON);
      return {
        passed: r?.numPassedTests ?? 0,
        failed: (r?.numFailedTests ?? 0) + (r ? 0 : 1),
        skipped: (r?.numPendingTests ?? 0) + (r?.numTodoTests ?? 0),
      };
    },
  },
  // Two production servers on one PostgreSQL behind nginx: only where nginx is installed
  // (.ci/run installs it) and a PostgreSQL server is given.
  ...(NGINX && process.env.TEST_DATABASE_URL
    ? [{ name: "cluster", command: ["npx", "vitest", "run", "--config", "test/cluster/vitest.config.ts"] }]
    : []),
  {
    name: "e2e",
    command: ["npx", "playwright", "test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON },
    count: () => {
      const r = readJson(PLAYWRIGHT_JSON);
      const s = r?.stats;
      return {
        passed: (s?.expected ?? 0) + (s?.flaky ?? 0),
        failed: (s?.unexpected ?? 0) + (r ? 0 : 1),
        skipped: s?.skipped ?? 0,
      };
    },
  },
];

const results: { name: string; ok: boolean; seconds: number; passed?: number; failed?: number; skipped?: number }[] =
  [];
for (const step of steps) {
  const started = Date.now();
  console.log(`\n━━ ${step.name}: ${step.command.join(" ")}`);
  const run = spawnSync(step.command[0]!, step.command.slice(1), {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...step.env },
  });
  const counts = step.count?.();
  const seconds = (Date.now() - started) / 1000;
  const previous = results.find((r) => r.name === step.name);
  if (previous) {
    previous.ok &&= run.status === 0;
    previous.seconds += seconds;
  } else {
    results.push({ name: step.name, ok: run.status === 0 && (counts?.failed ?? 0) === 0, seconds, ...counts });
  }
}

console.log("\n━━ Summary");
for (const r of results) {
  const counts =
    r.passed !== undefined
      ? `  ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ""}`
      : "";
  console.log(`${r.ok ? "✔" : "✘"} ${r.name.padEnd(10)} ${r.seconds.toFixed(0).padStart(4)} s${counts}`);
}
const passed = results.reduce((n, r) => n + (r.passed ?? (r.ok ? 1 : 0)), 0);
const failed = results.reduce((n, r) => n + (r.failed ?? (r.ok ? 0 : 1)), 0);
const skipped = results.reduce((n, r) => n + (r.skipped ?? 0), 0);
console.log(`Total: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
