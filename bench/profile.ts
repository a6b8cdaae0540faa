import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
// @ts-expect-error -- autocannon ships no types.
import autocannon from "autocannon";
import { closeDb, installDbHandle } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { unmeasurableBuild } from "@/scripts/build-state";
import { createTestDbHandle } from "@/test/ephemeral-db";
import { startServer } from "@/test/server";
import { seedBench } from "./seed";
import { benchAdminCookie } from "./session";

// npm run profile -- [--path /records/leads] [--records 20000] [--seconds 10]: a CPU profile of
// `next start` (the production build, on a throw-away PostgreSQL schema of the bench's data)
// while autocannon asks for one path at 10 connections; prints the top self-time costs grouped
// by package or file, and keeps the .cpuprofile (Chrome DevTools opens it).
const { values } = parseArgs({
  options: {
    path: { type: "string", default: "/records/leads" },
    records: { type: "string", default: "20000" },
    seconds: { type: "string", default: "10" },
    html: { type: "string" },
  },
});
const unmeasurable = unmeasurableBuild();
if (unmeasurable) throw new Error(`Cannot profile: ${unmeasurable}.`);
const url =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const handle = await createTestDbHandle(url);
await applyMigrations(handle.runner);
installDbHandle(handle);
await seedBench(handle.runner, Number(values.records));
// As the bench does: a schema never analyzed gets plans no production database would (a search
// that matches nothing walked the whole list index, 90 ms instead of 0.1 at 20,000 records).
await handle.runner.exec("VACUUM ANALYZE");
const target = new URL(url);
target.searchParams.set("schema", handle.schema!);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-profile-"));
const server = await startServer({
  databaseUrl: target.toString(),
  nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`],
});
const cookie = await benchAdminCookie(handle.runner, server.url);
// --html FILE keeps the document as served, to see what it is made of.
if (values.html)
  fs.writeFileSync(values.html, await (await fetch(`${server.url}${values.path}`, { headers: { cookie } })).text());
await autocannon({ url: `${server.url}${values.path}`, connections: 2, duration: 3, headers: { cookie } });
const result = await autocannon({
  url: `${server.url}${values.path}`,
  connections: 10,
  duration: Number(values.seconds),
  headers: { cookie },
});
await server.stop();
await closeDb();

interface Node {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
const file = fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
if (!file) throw new Error(`no profile written in ${dir}`);
const profile = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

/** A cost's place: the package under node_modules, the app's own chunk or file, or node/V8 itself. */
function place(node: Node): string {
  const u = node.callFrame.url;
  if (!u) return `(${node.callFrame.functionName || "program"})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  if (pkg) return pkg[1]!;
  if (u.startsWith("node:")) return "node core";
  const chunk = /\.next\/server\/(.*)$/.exec(u);
  return chunk ? `.next/server/${chunk[1]}` : u.replace(`file://${process.cwd()}/`, "");
}
const groups = new Map<string, number>();
const functions = new Map<string, number>();
for (const [id, us] of self) {
  const node = byId.get(id)!;
  groups.set(place(node), (groups.get(place(node)) ?? 0) + us);
  const fn = `${node.callFrame.functionName || "(anonymous)"} ${place(node)}`;
  functions.set(fn, (functions.get(fn) ?? 0) + us);
}
const top = (m: Map<string, number>, k: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([name, us]) => `${((us / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
console.log(
  `${values.path} at 10 connections: ${result.requests.average} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
);
console.log(`\nself time by place (${(total / 1e6).toFixed(1)} s sampled):\n${top(groups, 15).join("\n")}`);
console.log(`\nself time by function:\n${top(functions, 25).join("\n")}`);
console.log(`\nprofile: ${path.join(dir, file)}`);
process.exit(0);
