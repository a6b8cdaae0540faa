import { execFile } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { purgeExpired } from "@/lib/purge/purge";
import { softDeleteRecords } from "@/lib/trash/delete";
import { restoreRecords } from "@/lib/trash/restore";
import { onPostgres, withTestDatabase } from "@/test/db";
import { makeRecord, makeRecords, makeWorkspace, NOW, relate } from "@/test/fixtures";

// Races that only a real PostgreSQL server (several connections at once) can show.
const DAY = 86_400_000;
const run = promisify(execFile);

/** Notes, activities, subform rows and relations whose record is gone: must always be none. */
async function orphans(): Promise<number> {
  const rows = await db().$queryRaw<{ n: number }[]>`
    SELECT (SELECT count(*) FROM "Note" n WHERE NOT EXISTS (SELECT 1 FROM "Record" r WHERE r.id = n."recordId"))
         + (SELECT count(*) FROM "Activity" a WHERE NOT EXISTS (SELECT 1 FROM "Record" r WHERE r.id = a."recordId"))
         + (SELECT count(*) FROM "SubformRow" s WHERE NOT EXISTS (SELECT 1 FROM "Record" r WHERE r.id = s."recordId"))
         + (SELECT count(*) FROM "Relation" l WHERE NOT EXISTS (SELECT 1 FROM "Record" r WHERE r.id = l."fromRecordId" OR r.id = l."toRecordId"))::int AS n`;
  return Number(rows[0]!.n);
}

describe.runIf(onPostgres)("races on PostgreSQL", () => {
  const test = withTestDatabase();

  it("restore vs purge of the same record ×100: each ends restored or gone, the answer always matches, no orphans", async () => {
    const ws = await makeWorkspace();
    const anchor = await makeRecord(ws, { name: "Anchor" });
    const deletedAt = new Date(NOW.getTime() - 14 * DAY + 60_000); // one minute left at NOW
    const purgeAt = new Date(NOW.getTime() + 120_000); // expired for the purge's clock
    const tally = { restored: 0, purged: 0 };
    for (let i = 0; i < 100; i++) {
      const record = await makeRecord(
        ws,
        { deletedAt, deletedById: ws.actors.member.userId },
        { notes: 2, activities: 1, subformRows: 1 },
      );
      await relate(ws, anchor.id, record.id);
      const [restore, purge] = await Promise.all([
        restoreRecords(ws.actors.member, { ids: [record.id] }, NOW),
        purgeExpired({ now: purgeAt, batchSize: 50 }),
      ]);
      const after = await db().record.findUnique({ where: { id: record.id } });
      if (restore.succeeded.length) {
        expect(after).toMatchObject({ deletedAt: null });
        expect(purge.purged).toBe(0);
        expect(await db().note.count({ where: { recordId: record.id } })).toBe(2);
        tally.restored++;
      } else {
        expect(restore.failed).toMatchObject([{ id: record.id, code: "NOT_FOUND" }]);
        expect(after).toBeNull();
        expect(purge.purged).toBe(1);
        tally.purged++;
      }
    }
    expect(tally.restored + tally.purged).toBe(100);
    expect(await orphans()).toBe(0);
  }, 180_000);

  it("two bulk deletes overlapping by half ×50: each record deleted once, the counts add up", async () => {
    const ws = await makeWorkspace();
    for (let i = 0; i < 50; i++) {
      const ids = (await makeRecords(ws, 20, { name: `Round ${i}` })).map((r) => r.id);
      const [a, b] = await Promise.all([
        softDeleteRecords(ws.actors.member, { ids: ids.slice(0, 14) }, NOW),
        softDeleteRecords(ws.actors.member2, { ids: ids.slice(6) }, NOW),
      ]);
      expect(a.succeeded.length + b.succeeded.length).toBe(20);
      expect(new Set([...a.succeeded, ...b.succeeded]).size).toBe(20);
      expect(a.failed.length + b.failed.length).toBe(8);
      const rows = await db().record.findMany({
        where: { id: { in: ids } },
        select: { id: true, deletedById: true, deleteBatchId: true },
      });
      for (const r of rows) expect(r.deleteBatchId).toBe(a.succeeded.includes(r.id) ? a.batchId : b.batchId);
    }
    const entries = await db().auditLog.findMany({ where: { action: "records.delete" }, select: { targetIds: true } });
    const targets = entries.flatMap((e) => e.targetIds);
    expect(targets).toHaveLength(1000);
    expect(new Set(targets).size).toBe(1000);
  }, 180_000);

  it("4 purge processes over 10,000 expired records: each purged exactly once, no deadlock", async () => {
    const ws = await makeWorkspace();
    const deletedAt = new Date(NOW.getTime() - 20 * DAY);
    const records = Array.from({ length: 10_000 }, (_, i) => ({
      id: crypto.randomUUID(),
      workspaceId: ws.id,
      entityId: ws.entities.leads,
      name: `Expired ${i}`,
      deletedAt,
      deletedById: ws.actors.member.userId,
    }));
    for (let i = 0; i < records.length; i += 2000) {
      await db().record.createMany({ data: records.slice(i, i + 2000) });
      await db().note.createMany({
        data: records.slice(i, i + 2000).map((r) => ({ workspaceId: ws.id, recordId: r.id, body: "note" })),
      });
    }
    const cli = () =>
      run(
        path.resolve("node_modules/.bin/tsx"),
        ["--conditions=react-server", "scripts/purge.ts", "--as-of", NOW.toISOString(), "--batch-size", "200"],
        {
          env: { ...process.env, DATABASE_URL: test.databaseUrl() },
          timeout: 240_000,
        },
      );
    const outputs = await Promise.all([cli(), cli(), cli(), cli()]);
    const purged = outputs.map((o) => (JSON.parse(o.stdout.trim()) as { purged: number }).purged);
    expect(purged.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(await db().record.count()).toBe(0);
    expect(await db().note.count()).toBe(0);
    const entries = await db().auditLog.findMany({ where: { action: "records.purge" }, select: { targetIds: true } });
    expect(entries).toHaveLength(10_000);
    expect(new Set(entries.flatMap((e) => e.targetIds)).size).toBe(10_000);
  }, 300_000);
});
