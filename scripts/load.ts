import fs from "node:fs";
// @ts-expect-error -- autocannon ships no types; the few fields used are typed below.
import autocannon from "autocannon";
import { installDbHandle } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { createTestDbHandle } from "@/test/ephemeral-db";
import { makeRecords, makeWorkspace, TEST_PASSWORD } from "@/test/fixtures";
import { signInCookie, startServer } from "@/test/server";

// npm run load: a bounded load test on loopback against the production build (`npx next build`
// first), on a throw-away schema of LOAD_DATABASE_URL (else TEST_DATABASE_URL, else the local
// server): the records page, then a bulk delete (server action, 10 ids per call), each for
// LOAD_SECONDS (30). Prints requests/s, p50/p99 latency and errors (0 expected).
interface Result {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

const seconds = Number(process.env.LOAD_SECONDS ?? 30);
const url =
  process.env.LOAD_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const handle = await createTestDbHandle(url);
await applyMigrations(handle.runner);
installDbHandle(handle);
const ws = await makeWorkspace();
await makeRecords(ws, 2_000, { name: "Browse" });
const pool = (await makeRecords(ws, 30_000, { name: "Load" }, new Date(Date.now() - 40 * 86_400_000))).map((r) => r.id);
// As the bench does, and as autovacuum would within a minute: a schema never analyzed gets plans no
// production database would.
await handle.runner.exec("VACUUM ANALYZE");
const target = new URL(url);
target.searchParams.set("schema", handle.schema!);
const databaseUrl = target.toString();
const server = await startServer({ databaseUrl });

function actionId(name: string): string {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  return Object.entries(manifest.node).find(([, v]) => v.exportedName === name)![0];
}

function report(name: string, r: Result) {
  const errors = r.errors + r.timeouts + r.non2xx;
  process.stdout.write(
    `${name.padEnd(28)} ${r.requests.average.toFixed(1).padStart(8)} req/s   p50 ${String(r.latency.p50).padStart(5)} ms   p99 ${String(r.latency.p99).padStart(5)} ms   ${r.requests.total} requests   errors ${errors}\n`,
  );
  return errors;
}

let failed = 0;
try {
  const cookie = await signInCookie(server.url, ws.actors.admin.email, TEST_PASSWORD);
  // Warm-up, as the bench's: the first requests load the page's code and fill the pools.
  await autocannon({ url: `${server.url}/records/leads`, connections: 2, duration: 2, headers: { cookie } });
  const page = (await autocannon({
    url: `${server.url}/records/leads`,
    connections: 8,
    duration: seconds,
    headers: { cookie },
  })) as Result;
  failed += report("GET /records/leads (page)", page);

  let next = 0;
  const deleteId = actionId("deleteRecordsAction");
  const bulk = (await autocannon({
    url: `${server.url}/records/leads`,
    connections: 4,
    duration: seconds,
    requests: [
      {
        method: "POST",
        headers: {
          cookie,
          origin: server.url,
          "next-action": deleteId,
          "content-type": "text/plain;charset=UTF-8",
          accept: "text/x-component",
        },
        setupRequest: (req: Record<string, unknown>) => ({
          ...req,
          body: JSON.stringify([{ ids: pool.slice(next % pool.length, (next += 10) % pool.length || undefined) }]),
        }),
      },
    ],
  })) as Result;
  failed += report("bulk delete (10 ids/call)", bulk);
} finally {
  await server.stop();
  await handle.close();
}
process.exit(failed ? 1 : 0);
