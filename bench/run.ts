import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { closeDb, installDbHandle } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { createTestDbHandle } from "@/test/ephemeral-db";
import type { FirstLoadJs } from "./first-load";
import { httpBulkDelete } from "./http";
import { recordsPageFirstLoad } from "./page-load";
import { runScenarios, type ScenarioResult } from "./scenarios";
import { seedBench } from "./seed";

// npm run bench [-- --records N] [-- --json]: seeds its own database (in-memory PGlite, and a
// throw-away schema on PostgreSQL when one is reachable), runs every scenario through the
// domain functions and prints p50/p95 per scenario; write scenarios beside their raw-SQL floor
// measured in the same run. Absolute times drift with the machine's load; ratios less so.
const { values } = parseArgs({
  options: { records: { type: "string", default: "200000" }, json: { type: "boolean", default: false } },
});
const n = Number(values.records);
if (!Number.isInteger(n) || n < 1000) throw new Error("--records must be a whole number ≥ 1000");
const postgresUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const log = (line: string) => (values.json ? process.stderr : process.stdout).write(`${line}\n`);

/** The records page's first load, measured beside the database the server can reach. */
const measuredFirstLoad: { js?: FirstLoadJs } = {};

async function benchDatabase(name: string, handle: Awaited<ReturnType<typeof createTestDbHandle>>, serverUrl?: string) {
  try {
    await applyMigrations(handle.runner);
    installDbHandle(handle);
    const started = performance.now();
    await seedBench(handle.runner, n);
    await handle.runner.exec("VACUUM ANALYZE");
    log(
      `${name}: seeded ${n.toLocaleString("en-US")} records in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const seed_s = Math.round(performance.now() - started) / 1000;
    const scenarios = await runScenarios(handle, n, (l) => log(`  ${name} ${l}`));
    // Through the production server: it can only reach a database it shares with the bench.
    const http = serverUrl
      ? await httpBulkDelete(serverUrl, n)
      : "skipped: the server cannot reach an in-memory database";
    if (typeof http === "string") log(`  ${name} http_bulk_delete_1000 ${http}`);
    else log(`  ${name} http_bulk_delete_1000 ${JSON.stringify((scenarios.http_bulk_delete_1000 = http))}`);
    const measured = serverUrl
      ? await recordsPageFirstLoad(handle.runner, serverUrl)
      : "skipped: the server cannot reach an in-memory database";
    if (typeof measured === "string") log(`  ${name} records page first-load JS ${measured}`);
    else
      log(
        `  ${name} records page first-load JS ${(measuredFirstLoad.js = measured).kib} KiB (${measured.withHeadersKib} KiB with headers) in ${measured.requests} scripts`,
      );
    return { seed_s, scenarios };
  } finally {
    await closeDb();
  }
}

const databases: Record<string, { seed_s: number; scenarios: Record<string, ScenarioResult> }> = {};
databases.pglite = await benchDatabase("pglite", await createTestDbHandle(undefined));
try {
  const handle = await createTestDbHandle(postgresUrl);
  await handle.runner.rows("SELECT 1");
  const serverUrl = new URL(postgresUrl);
  serverUrl.searchParams.set("schema", handle.schema!);
  databases.postgresql = await benchDatabase("postgresql", handle, serverUrl.toString());
} catch (error) {
  log(`postgresql skipped: ${(error as Error).message} (set BENCH_DATABASE_URL)`);
}

const firstLoad = measuredFirstLoad.js ?? null;
const result = {
  records: n,
  machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "unknown CPU"}`,
  at: new Date().toISOString(),
  databases,
  records_page_first_load_js: firstLoad,
};
fs.mkdirSync("bench/results", { recursive: true });
fs.writeFileSync("bench/results/latest.json", JSON.stringify(result, null, 2));
if (values.json) console.log(JSON.stringify(result));
else {
  const names = Object.keys(Object.values(databases)[0]?.scenarios ?? {});
  const cell = (r: ScenarioResult | undefined) =>
    !r
      ? "-"
      : `${r.p50_ms} / ${r.p95_ms}` +
        (r.ratio !== undefined ? ` (floor ${r.floor_ms}, ×${r.ratio})` : "") +
        (r.per_s ? ` ${r.per_s.toLocaleString("en-US")}/s` : "");
  console.log(`\n${n.toLocaleString("en-US")} records · ${result.machine} · p50 / p95 ms\n`);
  console.log(["scenario".padEnd(28), ...Object.keys(databases).map((d) => d.padEnd(40))].join(" "));
  for (const s of names)
    console.log([s.padEnd(28), ...Object.values(databases).map((d) => cell(d.scenarios[s]).padEnd(40))].join(" "));
  console.log(
    firstLoad
      ? `\nrecords page first-load JavaScript: ${firstLoad.kib} KiB on the wire in ${firstLoad.requests} scripts, ${firstLoad.withHeadersKib} KiB with headers (Chromium, empty cache, production build)`
      : "\nrecords page first-load JavaScript: not measured (it needs PostgreSQL, a production build and Chromium; see the lines above)",
  );
}
process.exit(0);
