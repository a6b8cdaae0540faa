import zlib from "node:zlib";
// @ts-expect-error -- autocannon ships no types; the few fields used are typed below.
import autocannon from "autocannon";
import type { SqlRunner } from "@/lib/db/sql-runner";
import { hasProductionBuild, startServer } from "@/test/server";
import { benchAdminCookie } from "./session";
import { liveLeads } from "./stats";

// Served pages under load: `next start` on the production build over the bench's PostgreSQL
// schema, the bench admin signed in, autocannon on loopback at 1 and 10 connections for a fixed
// time each. Each figure comes with the document's size (raw and gzip), and page_to_json_ratio
// compares the records page with the JSON list of the same rows at 10 connections.

interface Cannon {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

export interface ServedFigure {
  c1: { req_s: number; p50_ms: number; p99_ms: number };
  c10: { req_s: number; p50_ms: number; p99_ms: number };
  bytes: number;
  gzip_bytes: number;
}

export interface ServedPages {
  http_records_page: ServedFigure;
  http_trash_page: ServedFigure;
  http_record_page: ServedFigure;
  http_records_json: ServedFigure;
  page_to_json_ratio: number;
}

async function cannon(url: string, cookie: string, connections: number, seconds: number) {
  const r = (await autocannon({ url, connections, duration: seconds, headers: { cookie } })) as Cannon;
  const failed = r.errors + r.timeouts + r.non2xx;
  if (failed) throw new Error(`${url}: ${failed} of ${r.requests.total} requests failed under load`);
  return { req_s: Math.round(r.requests.average * 10) / 10, p50_ms: r.latency.p50, p99_ms: r.latency.p99 };
}

async function figure(url: string, cookie: string, seconds: number): Promise<ServedFigure> {
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  await cannon(url, cookie, 2, 2); // warm-up: compiled routes, pools, caches
  return {
    c1: await cannon(url, cookie, 1, seconds),
    c10: await cannon(url, cookie, 10, seconds),
    bytes: body.length,
    gzip_bytes: zlib.gzipSync(body).length,
  };
}

export async function httpPages(
  run: SqlRunner,
  databaseUrl: string,
  n: number,
  seconds: number,
  log: (line: string) => void,
): Promise<ServedPages | string> {
  if (!hasProductionBuild()) return "skipped: no production build in .next (run `npx next build` first)";
  const server = await startServer({ databaseUrl });
  try {
    const cookie = await benchAdminCookie(run, server.url);
    const lead = liveLeads(n, Math.floor(n / 2), 1)[0]!;
    const out = {} as ServedPages;
    const pages = [
      ["http_records_page", "/records/leads"],
      ["http_trash_page", "/trash"],
      ["http_record_page", `/records/leads/${lead}`],
      ["http_records_json", "/api/app/records?entity=leads"],
    ] as const;
    for (const [name, path] of pages) {
      out[name] = await figure(`${server.url}${path}`, cookie, seconds);
      log(`${name} ${JSON.stringify(out[name])}`);
    }
    out.page_to_json_ratio =
      Math.round((out.http_records_page.c10.req_s / out.http_records_json.c10.req_s) * 100) / 100;
    log(`page_to_json_ratio ${out.page_to_json_ratio}`);
    return out;
  } finally {
    await server.stop();
  }
}
