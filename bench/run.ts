import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { closeDb, installDbHandle } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { createTestDbHandle } from "@/test/ephemeral-db";
import type { FirstLoadJs } from "./first-load";
import { httpBulkDelete } from "./http";
import { httpPages, type ServedPages } from "./http-pages";
import { recordsPageFirstLoad } from "./page-load";
import { importScenario, runScenarios, type ScenarioResult } from "./scenarios";
import { scalingBlock, scalingSizes, type Scaling } from "./scaling";
import { seedBench } from "./seed";

// npm run bench [-- --records N] [-- --db pglite|postgresql] [-- --only pages|import|scaling] [-- --scaling] [-- --json]: seeds
// its own database (in-memory PGlite, and a throw-away schema on PostgreSQL when one is
// reachable), runs every scenario through the domain functions and prints p50/p95 per scenario;
// write scenarios beside their raw-SQL floor measured in the same run. On PostgreSQL it also
// serves pages from the production build under load (bench/http-pages.ts). Absolute times drift
// with the machine's load; ratios less so. The scaling block (--scaling, or --only scaling; in
// bench/scaling.ts) reads at 20,000, 200,000 and 1,000,000 records (or --records, when more), each
// on its own database.
const { values } = parseArgs({
  options: {
    records: { type: "string", default: "200000" },
    db: { type: "string", default: "both" },
    only: { type: "string", default: "all" },
    "page-seconds": { type: "string", default: "10" },
    scaling: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});
if (!["both", "pglite", "postgresql"].includes(values.db)) throw new Error("--db is pglite, postgresql or both");
if (!["all", "pages", "import", "scaling"].includes(values.only))
  throw new Error("--only is all, pages, import or scaling");
const pageSeconds = Number(values["page-seconds"]);
const n = Number(values.records);
if (!Number.isInteger(n) || n < 1000) throw new Error("--records must be a whole number ≥ 1000");
const postgresUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const log = (line: string) => (values.json ? process.stderr : process.stdout).write(`${line}\n`);

/** The domain runs on a client configured as production's: no per-statement query event. */
const PRODUCTION_CLIENT = { countQueries: false };

/** The records page's first load, measured beside the database the server can reach. */
const measuredFirstLoad: { js?: FirstLoadJs } = {};
/** Pages served under load (PostgreSQL only). */
const served: { pages?: ServedPages } = {};

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
    if (values.only === "import") {
      const scenarios = { import_csv_100000: await importScenario(Math.min(100_000, n), new Date()) };
      log(`  ${name} import_csv_100000 ${JSON.stringify(scenarios.import_csv_100000)}`);
      return { seed_s, scenarios };
    }
    const scenarios = values.only === "pages" ? {} : await runScenarios(handle, n, (l) => log(`  ${name} ${l}`));
    if (!serverUrl) {
      log(
        `  ${name} served pages, http_bulk_delete_1000, first-load JS: skipped (the server cannot reach an in-memory database)`,
      );
      return { seed_s, scenarios };
    }
    // Through the production server: it can only reach a database it shares with the bench.
    const pages = await httpPages(handle.runner, serverUrl, n, pageSeconds, (l) => log(`  ${name} ${l}`));
    if (typeof pages === "string") log(`  ${name} served pages ${pages}`);
    else served.pages = pages;
    if (values.only === "pages") return { seed_s, scenarios };
    const http = await httpBulkDelete(serverUrl, n);
    if (typeof http === "string") log(`  ${name} http_bulk_delete_1000 ${http}`);
    else log(`  ${name} http_bulk_delete_1000 ${JSON.stringify((scenarios.http_bulk_delete_1000 = http))}`);
    const measured = await recordsPageFirstLoad(handle.runner, serverUrl);
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
const scaling: Record<string, Scaling> = {};
if (values.db !== "postgresql" && values.only !== "scaling")
  databases.pglite = await benchDatabase("pglite", await createTestDbHandle(undefined, PRODUCTION_CLIENT));
if (values.db !== "pglite" && values.only !== "scaling")
  try {
    const handle = await createTestDbHandle(postgresUrl, PRODUCTION_CLIENT);
    await handle.runner.rows("SELECT 1");
    const serverUrl = new URL(postgresUrl);
    serverUrl.searchParams.set("schema", handle.schema!);
    databases.postgresql = await benchDatabase("postgresql", handle, serverUrl.toString());
  } catch (error) {
    log(`postgresql skipped: ${(error as Error).message} (set BENCH_DATABASE_URL)`);
  }

if (values.scaling || values.only === "scaling") {
  const sizes = scalingSizes(Math.max(n, 1_000_000));
  if (values.db !== "postgresql")
    scaling.pglite = await scalingBlock(
      sizes,
      () => createTestDbHandle(undefined, PRODUCTION_CLIENT),
      (l) => log(`  pglite ${l}`),
    );
  if (values.db !== "pglite")
    try {
      scaling.postgresql = await scalingBlock(
        sizes,
        () => createTestDbHandle(postgresUrl, PRODUCTION_CLIENT),
        (l) => log(`  postgresql ${l}`),
      );
    } catch (error) {
      log(`postgresql scaling skipped: ${(error as Error).message} (set BENCH_DATABASE_URL)`);
    }
}

const firstLoad = measuredFirstLoad.js ?? null;
const result = {
  records: n,
  machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "unknown CPU"}`,
  at: new Date().toISOString(),
  databases,
  served_pages: served.pages ?? null,
  scaling,
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
  if (names.length) console.log(["scenario".padEnd(28), ...Object.keys(databases).map((d) => d.padEnd(40))].join(" "));
  for (const s of names)
    console.log([s.padEnd(28), ...Object.values(databases).map((d) => cell(d.scenarios[s]).padEnd(40))].join(" "));
  if (served.pages) {
    console.log(
      `\nserved pages (PostgreSQL, production build, ${pageSeconds} s each): req/s · p50 · p99 ms · document bytes`,
    );
    const { workers, page_to_json_ratio, ...pages } = served.pages;
    for (const [name, f] of Object.entries(pages))
      console.log(
        `${name.padEnd(20)} c=1 ${f.c1.req_s} req/s · ${f.c1.p50_ms} · ${f.c1.p99_ms}   c=10 ${f.c10.req_s} req/s · ${f.c10.p50_ms} · ${f.c10.p99_ms}   ${f.bytes.toLocaleString("en-US")} B (gzip ${f.gzip_bytes.toLocaleString("en-US")})`,
      );
    console.log(`page_to_json_ratio   ${page_to_json_ratio}`);
    if (workers) {
      const { count, page_to_json_ratio: ratio, ...rates } = workers;
      console.log(`\nthe same with ${count} workers (WEB_CONCURRENCY=${count}), c=10: req/s · p50 · p99 ms`);
      for (const [name, r] of Object.entries(rates))
        console.log(`${name.padEnd(20)} c=10 ${r.req_s} req/s · ${r.p50_ms} · ${r.p99_ms}`);
      console.log(`page_to_json_ratio   ${ratio}`);
    }
  }
  for (const [db, block] of Object.entries(scaling)) {
    console.log(
      `\nscaling (${db}): p50 ms at ${block.sizes.map((s) => s.toLocaleString("en-US")).join(" · ")} records`,
    );
    for (const [name, p50] of Object.entries(block.p50_ms))
      console.log(
        `${name.padEnd(20)} ${block.sizes.map((s) => String(p50[String(s)]).padStart(8)).join(" ")}   ×${block.ratio[name]}`,
      );
  }
  if (values.only === "all")
    console.log(
      firstLoad
        ? `\nrecords page first-load JavaScript: ${firstLoad.kib} KiB on the wire in ${firstLoad.requests} scripts, ${firstLoad.withHeadersKib} KiB with headers (Chromium, empty cache, production build)`
        : "\nrecords page first-load JavaScript: not measured (it needs PostgreSQL, a production build and Chromium; see the lines above)",
    );
}
process.exit(0);
