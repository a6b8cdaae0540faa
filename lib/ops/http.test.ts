import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/manage";
import { db } from "@/lib/db/client";
import { onPostgres, withTestDatabase } from "@/test/db";
import { makeRecords, makeWorkspace, TEST_PASSWORD } from "@/test/fixtures";
import { apiClient } from "@/test/api-client";
import { signInCookie, startServer, type RunningServer } from "@/test/server";

process.env.API_KEY_ENCRYPTION_KEY ??= "http-test-api-key-encryption";
const METRICS_TOKEN = "metrics-token-for-the-test";

const logLines = (server: RunningServer) =>
  server
    .output()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

// The production server (scripts/serve.ts) over HTTP, on this file's PostgreSQL schema.
describe.runIf(onPostgres)("operations over HTTP: health, request logs, metrics", () => {
  const database = withTestDatabase();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ databaseUrl: database.databaseUrl(), env: { METRICS_TOKEN, LOG_LEVEL: "info" } });
  }, 90_000);
  afterAll(() => server?.stop());

  it("answers liveness and readiness uncached, and echoes a request id (or makes one)", async () => {
    const live = await fetch(`${server.url}/api/health`, { headers: { "x-request-id": "ops-test-1" } });
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok" });
    expect(live.headers.get("cache-control")).toBe("no-store");
    expect(live.headers.get("x-request-id")).toBe("ops-test-1");
    const ready = await fetch(`${server.url}/api/health/ready`, { headers: { "x-request-id": "has spaces" } });
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
    expect(ready.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("logs one JSON line per request with its route template, ids and duration, and never a secret", async () => {
    const ws = await makeWorkspace();
    const [record] = await makeRecords(ws, 2);
    const key = await createApiKey(ws.actors.admin, { name: "ops" }, new Date());
    const call = apiClient(server.url, key);
    const bearer = { authorization: `Bearer ${key.apiSecret}`, headers: { "x-request-id": "ops-api-1" } };
    expect((await call("GET", "/crm-core/v1/records?entityId=leads&limit=5", bearer)).status).toBe(200);
    expect(
      (await call("DELETE", `/crm-core/v1/records/${record!.id}`, { headers: { "x-request-id": "ops-api-2" } })).status,
    ).toBe(200);
    const cookie = await signInCookie(server.url, ws.actors.member.email, TEST_PASSWORD);
    const page = await fetch(`${server.url}/records/leads?q=secret-query-value`, {
      headers: { cookie, "x-request-id": "ops-page-1" },
    });
    expect(page.status).toBe(200);
    await page.text();

    await new Promise((r) => setTimeout(r, 300));
    const lines = logLines(server);
    expect(lines.find((l) => l.requestId === "ops-api-1" && l.msg === "request")).toMatchObject({
      method: "GET",
      route: "/crm-core/v1/records",
      status: 200,
      workspaceId: ws.id,
      userId: ws.actors.admin.userId,
      durationMs: expect.any(Number),
    });
    expect(lines.find((l) => l.requestId === "ops-api-2" && l.msg === "request")).toMatchObject({
      method: "DELETE",
      route: "/crm-core/v1/records/[recordId]",
      status: 200,
    });
    expect(lines.find((l) => l.requestId === "ops-page-1" && l.msg === "request")).toMatchObject({
      route: "/records/[entity]",
      status: 200,
      userId: ws.actors.member.userId,
    });
    const log = server.output();
    const sessionToken = /next-auth\.session-token=([^;]+)/.exec(cookie)![1]!;
    for (const secret of [key.apiSecret, TEST_PASSWORD, sessionToken, "secret-query-value", record!.id])
      expect(log).not.toContain(secret);
  });

  it("serves Prometheus metrics behind the token: HTTP by route and status, API calls by dialect and outcome; promtool agrees", async () => {
    expect((await fetch(`${server.url}/api/metrics`)).status).toBe(401);
    const response = await fetch(`${server.url}/api/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/crm_http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+/);
    expect(text).toMatch(
      /crm_http_request_duration_seconds_bucket\{le="[^"]+",method="GET",route="\/crm-core\/v1\/records"\}/,
    );
    expect(text).toMatch(/crm_api_calls_total\{dialect="[^"]+",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/crm_records_changed_total\{change="deleted",door="API"\} 1/);
    if (fs.existsSync("/usr/bin/promtool")) {
      const check = spawnSync("/usr/bin/promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
      expect(check.stdout + check.stderr).toBe("");
      expect(check.status).toBe(0);
    }
  });
});

describe.runIf(onPostgres)("readiness with the database down", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      databaseUrl: "postgresql://postgres@127.0.0.1:1/none?schema=public",
      waitFor: "live",
    });
  }, 90_000);
  afterAll(() => server?.stop());

  it("stays alive (200) but not ready (503 with the reason, uncached)", async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const ready = await fetch(`${server.url}/api/health/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get("cache-control")).toBe("no-store");
    expect(await ready.json()).toEqual({
      status: "not_ready",
      reason: expect.stringMatching(/unreachable|did not answer/),
    });
  });
});

describe.runIf(onPostgres)("SIGTERM during a purge of 20,000 (npm run purge)", () => {
  const database = withTestDatabase();

  it("lets the batch in flight commit whole, exits 0, and the next run purges the rest", async () => {
    const ws = await makeWorkspace();
    await database.handle().runner.exec(`
      INSERT INTO "Record" (id, "workspaceId", "entityId", name, "deletedAt", "updatedAt")
      SELECT 'p' || i, '${ws.id}', '${ws.entities.leads}', 'Expired ' || i, now() - interval '30 days', now()
      FROM generate_series(1, 20000) AS i;
      INSERT INTO "Note" (id, "workspaceId", "recordId", body)
      SELECT 'n' || i, '${ws.id}', 'p' || i, 'note' FROM generate_series(1, 20000) AS i;`);
    const env = { ...process.env, DATABASE_URL: database.databaseUrl(), LOG_LEVEL: "info" };
    const args = [
      "--import",
      "tsx",
      "--conditions=react-server",
      path.resolve("scripts/purge.ts"),
      "--batch-size",
      "500",
    ];
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    const firstBatch = new Promise<void>((resolve) =>
      child.stderr.on("data", (d) => {
        stderr += d;
        if (stderr.includes("purge batch committed")) resolve();
      }),
    );
    await firstBatch;
    const signalled = Date.now();
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    const stopMs = Date.now() - signalled;
    expect(code, stderr).toBe(0);
    const summary = JSON.parse(stdout.trim()) as { purged: number; interrupted: boolean; batches: number };
    expect(summary.interrupted).toBe(true);
    expect(summary.purged).toBe(summary.batches * 500);
    expect(summary.purged).toBeLessThan(20_000);
    // Whole batches only: every purged record went with its note and left its audit entry.
    expect(await db().record.count({ where: { workspaceId: ws.id } })).toBe(20_000 - summary.purged);
    expect(await db().note.count({ where: { workspaceId: ws.id } })).toBe(20_000 - summary.purged);
    expect(await db().auditLog.count({ where: { workspaceId: ws.id, action: "records.purge" } })).toBe(summary.purged);
    console.info(`SIGTERM during the purge: stopped after ${summary.purged} of 20000 in ${stopMs} ms`);

    const rest = spawnSync(process.execPath, args, { env, encoding: "utf8" });
    expect(rest.status, rest.stderr).toBe(0);
    expect(JSON.parse(rest.stdout.trim())).toMatchObject({ purged: 20_000 - summary.purged, interrupted: false });
    expect(await db().record.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await db().auditLog.count({ where: { workspaceId: ws.id, action: "records.purge" } })).toBe(20_000);
  }, 180_000);
});
