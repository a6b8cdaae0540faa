import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "@/test/db";
import { startServer, type RunningServer } from "@/test/server";

const METRICS_TOKEN = "workers-test-metrics-token";

/** The pids in the server's JSON log lines with this message. */
function pidsOf(output: string, msg: string): Set<number> {
  const pids = new Set<number>();
  for (const line of output.split("\n")) {
    if (!line.startsWith("{")) continue;
    const entry = JSON.parse(line) as { msg?: string; pid?: number };
    if (entry.msg === msg && entry.pid) pids.add(entry.pid);
  }
  return pids;
}

async function until(what: string, test: () => boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const count = (output: string, text: string) => output.split(text).length - 1;

/** `n` health checks, ten at a time, each on its own connection (the primary hands connections round robin). */
async function healthChecks(url: string, n: number) {
  for (let i = 0; i < n; i += 10)
    await Promise.all(
      Array.from({ length: Math.min(10, n - i) }, async () => {
        const response = await fetch(`${url}/api/health`, {
          headers: { connection: "close" },
          signal: AbortSignal.timeout(10_000),
        });
        expect(response.status).toBe(200);
        await response.text();
      }),
    );
}

// WEB_CONCURRENCY=2: one server, two worker processes on one port (lib/ops/workers.ts).
describe.runIf(process.env.TEST_DATABASE_URL)("WEB_CONCURRENCY workers", () => {
  const database = withTestDatabase();
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({
      databaseUrl: database.databaseUrl(),
      // The purge every 3 s, so that which worker runs it shows within the test.
      env: { WEB_CONCURRENCY: "2", METRICS_TOKEN, PURGE_INTERVAL_MINUTES: "0.05" },
    });
    await until("both workers serving", () => server.output().includes('"msg":"all workers are serving"'));
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("serves from both workers, and the metrics count every worker's requests", async () => {
    await healthChecks(server.url, 60);
    await until("request lines logged", () => count(server.output(), '"route":"/api/health"') >= 60, 10_000);
    const servers = new Set(
      server
        .output()
        .split("\n")
        .filter((line) => line.includes('"msg":"request"') && line.includes('"route":"/api/health"'))
        .map((line) => (JSON.parse(line) as { pid: number }).pid),
    );
    expect(servers.size).toBe(2);

    const scrape = await fetch(`${server.url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(scrape.status).toBe(200);
    const text = await scrape.text();
    const served = Number(
      /^crm_http_requests_total\{method="GET",route="\/api\/health",status="200"\} (\d+)$/m.exec(text)?.[1],
    );
    // Both workers' counts summed: each alone served about half.
    expect(served).toBeGreaterThanOrEqual(60);
    // One line per metric and label set: the trash gauges from the worker that answered, the rest summed.
    const names = text
      .split("\n")
      .filter((l) => l.startsWith("# TYPE "))
      .map((l) => l.split(" ")[2]);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(["crm_trash_records", "crm_http_request_duration_seconds"]));
    if (fs.existsSync("/usr/bin/promtool")) {
      const check = spawnSync("/usr/bin/promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
      expect(check.stdout + check.stderr).toBe("");
      expect(check.status).toBe(0);
    }
  });

  it("runs the purge in one worker only", async () => {
    await until("two purge runs", () => count(server.output(), '"msg":"purge run finished"') >= 2, 30_000);
    expect(pidsOf(server.output(), "purge run finished").size).toBe(1);
  });

  it("starts a worker that dies again, and serves meanwhile", async () => {
    const before = pidsOf(server.output(), "request");
    const victim = [...before][0]!;
    process.kill(victim, "SIGKILL");
    // A connection handed to the worker as it died is lost with it, as with any crash; once the
    // primary has seen the exit, the other worker takes every connection.
    await until("the primary saw the worker stop", () => server.output().includes("starting it again"));
    await healthChecks(server.url, 20);
    await until("the worker serving again", () => count(server.output(), '"msg":"all workers are serving"') >= 2);
    await healthChecks(server.url, 40);
    const after = pidsOf(server.output(), "request");
    expect(after.has(victim)).toBe(true); // from before it died
    expect(after.size).toBe(3);
  });

  it("stops every worker cleanly on SIGTERM and exits 0", async () => {
    await server.stop();
    expect(server.child.exitCode).toBe(0);
    expect(count(server.output(), '"msg":"stopped cleanly"')).toBe(2);
    expect(server.output()).toContain('"msg":"every worker stopped cleanly"');
  });
});

describe("WEB_CONCURRENCY that is not a count", () => {
  it("refuses to start, saying what it accepts", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/serve.ts"], {
      env: { ...process.env, WEB_CONCURRENCY: "two", PORT: "0", NODE_ENV: "production" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain('WEB_CONCURRENCY must be a whole number from 1 to 256, or \\"auto\\"');
  });
});
