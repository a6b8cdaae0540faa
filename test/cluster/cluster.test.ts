import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/manage";
import { db } from "@/lib/db/client";
import { withTestDatabase } from "@/test/db";
import { saveWebhook } from "@/lib/webhooks/settings";
import { makeRecords, makeWorkspace, TEST_PASSWORD } from "@/test/fixtures";
import { freePort, signInCookie, startServer, type RunningServer } from "@/test/server";
import { NGINX, startNginx, type RunningNginx } from "./nginx";

process.env.API_KEY_ENCRYPTION_KEY ??= "cluster-test-api-key-encryption";
// The digest's receiver listens on loopback, which webhooks refuse by default.
process.env.WEBHOOK_ALLOW_PRIVATE = "1";
// Both schedulers tick every 6 s, so the once-only purge and digest show within the test.
const SCHEDULER = { PURGE_INTERVAL_MINUTES: "0.1", WEBHOOK_ALLOW_PRIVATE: "1" };
const DAY = 86_400_000;

// Two production servers on one PostgreSQL schema behind nginx (round robin, no stickiness).
describe.runIf(NGINX && process.env.TEST_DATABASE_URL)("two instances behind nginx", () => {
  const database = withTestDatabase();
  const ports: number[] = [];
  const servers: RunningServer[] = [];
  let lb: RunningNginx;
  const start = (i: number) =>
    startServer({ databaseUrl: database.databaseUrl(), port: ports[i], env: { LOG_LEVEL: "debug", ...SCHEDULER } });
  const served = (server: RunningServer, requestId: string) => server.output().includes(`"requestId":"${requestId}"`);

  /** Restarts instance i on its port and waits until nginx sends it traffic again (after its fail_timeout). */
  async function rejoin(i: number) {
    servers[i] = await start(i);
    const deadline = Date.now() + 30_000;
    while (!/"requestId":"[0-9a-f]{32}"/.test(servers[i]!.output())) {
      if (Date.now() > deadline) throw new Error(`nginx sent instance ${i} nothing within 30 s`);
      await fetch(`${lb.url}/api/health`).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    ports.push(await freePort(), await freePort());
    servers.push(...(await Promise.all([start(0), start(1)])));
    lb = await startNginx(
      await freePort(),
      ports.map((p) => `127.0.0.1:${p}`),
    );
  }, 180_000);
  afterAll(async () => {
    await lb?.stop();
    await Promise.all(servers.map((s) => s.stop()));
  });

  it("serves one signed-in user's pages and JSON from both instances", async () => {
    const ws = await makeWorkspace();
    await makeRecords(ws, 5);
    const cookie = await signInCookie(lb.url, ws.actors.member.email, TEST_PASSWORD);
    for (let i = 0; i < 8; i++) {
      const page = await fetch(`${lb.url}/${i % 2 ? "records/leads" : "api/app/records?entity=leads"}`, {
        headers: { cookie, "x-request-id": `rr-${i}` },
      });
      expect(page.status).toBe(200);
      await page.text();
    }
    const perInstance = servers.map((s) => [...Array(8).keys()].filter((i) => served(s, `rr-${i}`)).length);
    expect(
      perInstance.every((n) => n > 0),
      `requests per instance: ${perInstance}`,
    ).toBe(true);
    expect(perInstance[0]! + perInstance[1]!).toBe(8);
  });

  it("the purge and the daily digest run on both schedulers and happen once", async () => {
    const ws = await makeWorkspace();
    const ids = (await makeRecords(ws, 600)).map((r) => r.id);
    await db().record.updateMany({
      where: { id: { in: ids } },
      data: { deletedAt: new Date(Date.now() - 20 * DAY), deletedById: ws.actors.member.userId },
    });
    let digests = 0;
    const receiver = http.createServer((req, res) => {
      digests += 1;
      req.resume().on("end", () => res.end("ok"));
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = receiver.address() as AddressInfo;
      await saveWebhook(ws.actors.owner, { url: `http://127.0.0.1:${port}/digest` });
      const deadline = Date.now() + 90_000;
      while ((await db().record.count({ where: { id: { in: ids } } })) > 0 || digests === 0) {
        if (Date.now() > deadline) throw new Error("the schedulers did not purge and send within 90 s");
        await new Promise((r) => setTimeout(r, 500));
      }
      // Two more ticks of each scheduler: nothing runs twice.
      await new Promise((r) => setTimeout(r, 13_000));
      const purges = await db().auditLog.findMany({
        where: { workspaceId: ws.id, action: "records.purge" },
        select: { targetIds: true },
      });
      const purgedIds = purges.flatMap((e) => e.targetIds);
      const batches = servers.map((s) => (s.output().match(/"msg":"purge batch committed"/g) ?? []).length);
      const deliveries = await db().webhookDelivery.count({ where: { workspaceId: ws.id, day: { not: null } } });
      console.info(
        `schedulers: ${purgedIds.length} records purged (purge batch lines per instance ${batches}), ${digests} digest`,
      );
      expect(purgedIds).toHaveLength(600);
      expect(new Set(purgedIds).size).toBe(600);
      expect(deliveries).toBe(1);
      expect(digests).toBe(1);
    } finally {
      receiver.close();
    }
  }, 150_000);

  it("a bulk delete of 1,000 whose instance is SIGKILLed mid-way is all or nothing; the other instance serves the next request", async () => {
    const ws = await makeWorkspace();
    const ids = (await makeRecords(ws, 1000)).map((r) => r.id);
    const key = await createApiKey(ws.actors.admin, { name: "cluster" }, new Date());
    const answer = fetch(`${lb.url}/crm-core/v1/records/bulk/delete`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${key.apiSecret}`,
        "content-type": "application/json",
        "x-request-id": "bulk-kill",
      },
      body: JSON.stringify({ recordIds: ids }),
      signal: AbortSignal.timeout(20_000),
    }).then(
      (r) => r.status,
      () => "no answer" as const,
    );
    const deadline = Date.now() + 15_000;
    let victim = -1;
    while (victim < 0 && Date.now() < deadline) {
      victim = servers.findIndex((s) => served(s, "bulk-kill"));
      if (victim < 0) await new Promise((r) => setTimeout(r, 5));
    }
    expect(victim).toBeGreaterThanOrEqual(0);
    servers[victim]!.child.kill("SIGKILL");
    const status = await answer;
    const deleted = await db().record.count({ where: { id: { in: ids }, deletedAt: { not: null } } });
    const audited = await db().auditLog.count({ where: { workspaceId: ws.id, action: "records.delete" } });
    console.info(
      `bulk delete during SIGKILL: answer ${status}, ${deleted} of 1000 in the trash, ${audited} audit entries`,
    );
    expect([0, 1000]).toContain(deleted);
    expect(audited).toBe(deleted ? 1 : 0);
    if (status === 200) expect(deleted).toBe(1000);
    for (let i = 0; i < 4; i++) expect((await fetch(`${lb.url}/api/health/ready`)).status).toBe(200);
    await rejoin(victim);
  });

  it("a rolling restart under 10 connections of load fails no request", async () => {
    let stop = false;
    const counts = { ok: 0, failed: 0 };
    const worker = async () => {
      while (!stop) {
        const status = await fetch(`${lb.url}/api/health/ready`).then(
          (r) => r.status,
          () => 0,
        );
        counts[status === 200 ? "ok" : "failed"]++;
      }
    };
    const load = Promise.all(Array.from({ length: 10 }, worker));
    for (let i = 0; i < servers.length; i++) {
      await servers[i]!.stop();
      await rejoin(i);
    }
    stop = true;
    await load;
    console.info(`rolling restart: ${counts.ok} requests answered, ${counts.failed} failed`);
    expect(counts.failed).toBe(0);
    expect(counts.ok).toBeGreaterThan(50);
  });
});
