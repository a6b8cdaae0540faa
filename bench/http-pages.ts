import os from "node:os";
import zlib from "node:zlib";
// @ts-expect-error -- autocannon ships no types; the few fields used are typed below.
import autocannon from "autocannon";
import type { SqlRunner } from "@/lib/db/sql-runner";
import { unmeasurableBuild } from "@/scripts/build-state";
import { startServer } from "@/test/server";
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

type Rate = ServedFigure["c10"];
const PAGES = ["http_records_page", "http_trash_page", "http_record_page", "http_records_json"] as const;
type PageName = (typeof PAGES)[number];

export interface ServedPages extends Record<PageName, ServedFigure> {
  page_to_json_ratio: number;
  /** The same pages at 10 connections from one worker per core (WEB_CONCURRENCY); null on one core. */
  workers: ({ count: number; page_to_json_ratio: number } & Record<PageName, Rate>) | null;
}

async function cannon(url: string, cookie: string, connections: number, seconds: number) {
  const r = (await autocannon({ url, connections, duration: seconds, headers: { cookie } })) as Cannon;
  const failed = r.errors + r.timeouts + r.non2xx;
  if (failed) throw new Error(`${url}: ${failed} of ${r.requests.total} requests failed under load`);
  return { req_s: Math.round(r.requests.average * 10) / 10, p50_ms: r.latency.p50, p99_ms: r.latency.p99 };
}

async function figure(url: string, cookie: string, seconds: number, connections?: 10): Promise<ServedFigure | Rate> {
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  await cannon(url, cookie, 2, 2); // warm-up: compiled routes, pools, caches
  // A fresh server's workers, each warmed as long as the one process is before its c=10 run (its c=1 run).
  if (connections) {
    await cannon(url, cookie, connections, seconds);
    return cannon(url, cookie, connections, seconds);
  }
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
  const unmeasurable = unmeasurableBuild();
  if (unmeasurable) return `skipped: ${unmeasurable}`;
  const lead = liveLeads(n, Math.floor(n / 2), 1)[0]!;
  const paths: Record<PageName, string> = {
    http_records_page: "/records/leads",
    http_trash_page: "/trash",
    http_record_page: `/records/leads/${lead}`,
    http_records_json: "/api/app/records?entity=leads",
  };
  const ratio = (page: Rate, json: Rate) => Math.round((page.req_s / json.req_s) * 100) / 100;

  const out = await withServer(run, databaseUrl, {}, async (url, cookie) => {
    const one = {} as ServedPages;
    for (const name of PAGES) {
      one[name] = (await figure(`${url}${paths[name]}`, cookie, seconds)) as ServedFigure;
      log(`${name} ${JSON.stringify(one[name])}`);
    }
    one.page_to_json_ratio = ratio(one.http_records_page.c10, one.http_records_json.c10);
    log(`page_to_json_ratio ${one.page_to_json_ratio}`);
    return one;
  });
  const cores = os.availableParallelism();
  out.workers =
    cores < 2
      ? null
      : await withServer(run, databaseUrl, { WEB_CONCURRENCY: String(cores) }, async (url, cookie) => {
          const many = { count: cores } as NonNullable<ServedPages["workers"]>;
          for (const name of PAGES) many[name] = (await figure(`${url}${paths[name]}`, cookie, seconds, 10)) as Rate;
          many.page_to_json_ratio = ratio(many.http_records_page, many.http_records_json);
          log(`with ${cores} workers (c=10): ${JSON.stringify(many)}`);
          return many;
        });
  return out;
}

/** Runs `measure` against a production server with `env`, once every worker serves; the bench admin signed in. */
async function withServer<T>(
  run: SqlRunner,
  databaseUrl: string,
  env: Record<string, string>,
  measure: (url: string, cookie: string) => Promise<T>,
): Promise<T> {
  const server = await startServer({ databaseUrl, env });
  try {
    const deadline = Date.now() + 60_000;
    while (env.WEB_CONCURRENCY && !server.output().includes('"msg":"all workers are serving"')) {
      if (Date.now() > deadline) throw new Error(`the workers did not all start within 60 s:\n${server.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return await measure(server.url, await benchAdminCookie(run, server.url));
  } finally {
    await server.stop();
  }
}
