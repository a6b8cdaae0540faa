import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createDbHandle, db, installDbHandle } from "@/lib/db/client";
import { afterCommit, transaction } from "@/lib/db/tx";
import { purgeExpired } from "@/lib/purge/purge";
import { restoreRecords } from "@/lib/trash/restore";
import { softDeleteRecords } from "@/lib/trash/delete";
import { withTestDatabase } from "@/test/db";
import { makeRecord, makeWorkspace, NOW } from "@/test/fixtures";
import { requestContext } from "./context";
import { checkReadiness } from "./health";
import { createLogger } from "./logger";
import { metrics } from "./metrics";
import { metricsResponse } from "./metrics-route";
import { drainWork, resetShutdownState } from "./shutdown";
import { refreshTrashGauges, trashCounts } from "./trash-gauges";

const { handle } = withTestDatabase();
const DAY = 86_400_000;

async function metricValue(name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = (await metrics().registry.getSingleMetric(name)?.get())!;
  const found = metric.values.find((v) => Object.entries(labels).every(([k, val]) => v.labels[k] === val));
  return found?.value ?? 0;
}

describe("readiness (GET /api/health/ready)", () => {
  it("is ready when the database answers and every migration is applied", async () => {
    expect(await checkReadiness()).toEqual({ ready: true });
  });

  it("is not ready, naming the migration, when one is missing from the database", async () => {
    const [last] = await handle().runner.rows<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`,
    );
    await handle().runner.exec(
      `UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = '${last!.migration_name}'`,
    );
    try {
      expect(await checkReadiness()).toEqual({
        ready: false,
        reason: `1 migration(s) not applied: ${last!.migration_name}.`,
      });
    } finally {
      await handle().runner.exec(`UPDATE "_prisma_migrations" SET finished_at = now() WHERE finished_at IS NULL`);
    }
  });

  it("is not ready, without naming the address, when the database cannot be reached", async () => {
    const unreachable = createDbHandle({
      kind: "postgres",
      url: "postgresql://ops:hunter2@127.0.0.1:1/none",
      schema: "public",
    });
    installDbHandle(unreachable);
    try {
      const readiness = await checkReadiness();
      expect(readiness.ready).toBe(false);
      expect(JSON.stringify(readiness)).toMatch(/unreachable|did not answer/);
      expect(JSON.stringify(readiness)).not.toMatch(/hunter2|127\.0\.0\.1/);
    } finally {
      installDbHandle(handle());
      await unreachable.close();
    }
  });
});

describe("metrics", () => {
  it("counts records deleted and restored by door when the transaction commits", async () => {
    const ws = await makeWorkspace();
    const records = await Promise.all([1, 2, 3].map(() => makeRecord(ws)));
    const ids = records.map((r) => r.id);
    const deletedBefore = await metricValue("crm_records_changed_total", { change: "deleted", door: "UI" });
    const restoredBefore = await metricValue("crm_records_changed_total", { change: "restored", door: "UI" });
    await softDeleteRecords(ws.actors.member, { ids }, NOW);
    await restoreRecords(ws.actors.member, { ids: ids.slice(0, 2) }, NOW);
    expect(await metricValue("crm_records_changed_total", { change: "deleted", door: "UI" })).toBe(deletedBefore + 3);
    expect(await metricValue("crm_records_changed_total", { change: "restored", door: "UI" })).toBe(restoredBefore + 2);
  });

  it("does not count a change whose transaction rolled back", async () => {
    let counted = 0;
    await expect(
      transaction(async (tx) => {
        afterCommit(tx, () => counted++);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(counted).toBe(0);
    await transaction(async (tx) => afterCommit(tx, () => counted++));
    expect(counted).toBe(1);
  });

  it("gives the trash size and what expires within 24 h per workspace, held records not expiring", async () => {
    const ws = await makeWorkspace("Gauges", 14);
    const old = await makeRecord(ws);
    const held = await makeRecord(ws);
    const fresh = await makeRecord(ws);
    const now = new Date();
    await softDeleteRecords(ws.actors.member, { ids: [old.id, held.id] }, new Date(now.getTime() - 13.5 * DAY));
    await softDeleteRecords(ws.actors.member, { ids: [fresh.id] }, now);
    await db().record.update({ where: { id: held.id }, data: { heldAt: now } });
    expect(await trashCounts(now)).toContainEqual({ workspaceId: ws.id, trashed: 3, expiring24h: 1 });
    await refreshTrashGauges(new Date(now.getTime() + 60_000));
    expect(await metricValue("crm_trash_records", { workspace: ws.id })).toBe(3);
    expect(await metricValue("crm_trash_expiring_24h_records", { workspace: ws.id })).toBe(1);
  });

  it("serves the registry behind METRICS_TOKEN only: unset 404, wrong 401, right 200", async () => {
    const request = (auth?: string) =>
      new Request("http://x/api/metrics", { headers: auth ? { authorization: auth } : {} });
    expect((await metricsResponse(request("Bearer t0k"), {})).status).toBe(404);
    expect((await metricsResponse(request(), { METRICS_TOKEN: "t0k" })).status).toBe(401);
    expect((await metricsResponse(request("Bearer nope"), { METRICS_TOKEN: "t0k" })).status).toBe(401);
    const ok = await metricsResponse(request("Bearer t0k"), { METRICS_TOKEN: "t0k" });
    expect(ok.status).toBe(200);
    const text = await ok.text();
    for (const name of [
      "crm_http_requests_total",
      "crm_http_request_duration_seconds",
      "crm_api_calls_total",
      "crm_records_changed_total",
      "crm_purge_last_success_timestamp_seconds",
      "crm_purge_last_duration_seconds",
      "crm_trash_records",
      "crm_trash_expiring_24h_records",
      "crm_process_cpu_seconds_total",
      "crm_nodejs_heap_size_used_bytes",
    ])
      expect(text).toContain(`# TYPE ${name} `);
  });

  it.runIf(fs.existsSync("/usr/bin/promtool"))("passes `promtool check metrics`", async () => {
    const text = await metrics().registry.metrics();
    const check = spawnSync("/usr/bin/promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
    expect(check.stdout + check.stderr).toBe("");
    expect(check.status).toBe(0);
  });
});

describe("logs", () => {
  function capture() {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    return { logger: createLogger({ LOG_LEVEL: "info" }, stream), lines };
  }

  it("carry the request id on every line of a request, and redact secrets wherever they sit", () => {
    const { logger, lines } = capture();
    requestContext.run({ requestId: "req-42" }, () => {
      logger.info({ user: { password: "pw-1", token: "tk-1" }, headers: { cookie: "c=1" } }, "inside");
    });
    logger.info({ apiSecret: "sk_123" }, "outside");
    expect(lines[0]).toMatchObject({ requestId: "req-42", msg: "inside" });
    expect(lines[1]).not.toHaveProperty("requestId");
    expect(JSON.stringify(lines)).not.toMatch(/pw-1|tk-1|c=1|sk_123/);
  });

  it("write an error with its stack", () => {
    const { logger, lines } = capture();
    logger.error({ err: new Error("boom") }, "failed");
    expect((lines[0]!.err as { stack: string }).stack).toMatch(/Error: boom\n\s+at /);
  });
});

describe("shutdown during a purge", () => {
  afterEach(() => resetShutdownState());

  it("stops between batches: what it purged is whole, and the next run purges the rest", async () => {
    const ws = await makeWorkspace();
    const records = await Promise.all([1, 2, 3, 4, 5].map(() => makeRecord(ws, {}, { notes: 1 })));
    await softDeleteRecords(ws.actors.member, { ids: records.map((r) => r.id) }, NOW);
    const later = new Date(NOW.getTime() + 15 * DAY);
    await drainWork(0); // SIGTERM arrived: the purge starts no batch
    expect(await purgeExpired({ now: later, batchSize: 2 })).toMatchObject({ purged: 0, interrupted: true });
    expect(await db().record.count({ where: { workspaceId: ws.id } })).toBe(5);
    resetShutdownState();
    expect(await purgeExpired({ now: later, batchSize: 2 })).toMatchObject({
      purged: 5,
      batches: 3,
      interrupted: false,
    });
    expect(await db().note.count({ where: { record: { workspaceId: ws.id } } })).toBe(0);
  });
});
