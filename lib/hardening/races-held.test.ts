import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { destroyRecords } from "@/lib/purge/destroy";
import { purgeExpired } from "@/lib/purge/purge";
import { restoreRecords } from "@/lib/trash/restore";
import { onPostgres, withTestDatabase } from "@/test/db";
import type { RawTransaction } from "@/test/ephemeral-db";
import { makeRecord, makeWorkspace, NOW, relate, type TestWorkspace } from "@/test/fixtures";

// Issue 26: the races a probe could not provoke, provoked on purpose on PostgreSQL. A trigger
// makes one side (restore, or permanent delete / purge) stop in the middle of its transaction —
// its row changed and locked, not yet committed — on an advisory lock the test holds; the other
// side starts and is seen waiting (or, for the purge's SKIP LOCKED, passing over the row); then
// the gate opens. Each round: never a record both restored and destroyed, and each answer true.
const DAY = 86_400_000;
const GATE = 26_2605; // This file's advisory lock key (the schema is the file's own; the key is per database).

describe.runIf(onPostgres)("races held open mid-way on PostgreSQL", () => {
  const test = withTestDatabase();
  const raw: RawTransaction = (fn) =>
    (test.handle() as unknown as { rawTransaction: RawTransaction }).rawTransaction(fn);

  beforeAll(async () => {
    await raw(async (q) => {
      await q(`CREATE OR REPLACE FUNCTION race_gate_if() RETURNS trigger AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM race_side WHERE side = TG_ARGV[0]) THEN PERFORM pg_advisory_xact_lock_shared(${GATE}); END IF;
          RETURN COALESCE(NEW, OLD);
        END $$ LANGUAGE plpgsql`);
      // Only the side named in race_side stops: restore at its UPDATE, destroy and purge at the DELETE.
      await q(`CREATE TABLE race_side (side text PRIMARY KEY)`);
      await q(`CREATE TRIGGER race_restore BEFORE UPDATE ON "Record" FOR EACH ROW
        WHEN (OLD."deletedAt" IS NOT NULL AND NEW."deletedAt" IS NULL) EXECUTE FUNCTION race_gate_if('restore')`);
      await q(
        `CREATE TRIGGER race_destroy BEFORE DELETE ON "Record" FOR EACH ROW EXECUTE FUNCTION race_gate_if('destroy')`,
      );
    });
  });
  afterAll(async () => {
    await raw(async (q) => {
      await q(`DROP TRIGGER IF EXISTS race_restore ON "Record"`);
      await q(`DROP TRIGGER IF EXISTS race_destroy ON "Record"`);
    });
  });

  /** Sessions waiting on the gate, and sessions blocked by one that waits on it. */
  async function waiting(): Promise<{ gated: number; blockedBehind: number }> {
    const [row] = await raw(async (q) =>
      q(
        `WITH gated AS (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted)
         SELECT (SELECT count(*) FROM gated)::int AS gated,
                (SELECT count(*) FROM pg_stat_activity a WHERE EXISTS (SELECT 1 FROM gated g WHERE g.pid = ANY(pg_blocking_pids(a.pid))))::int AS "blockedBehind"`,
        [GATE],
      ),
    );
    return row as { gated: number; blockedBehind: number };
  }

  async function until(condition: () => Promise<boolean>) {
    for (let i = 0; i < 2000; i++) {
      if (await condition()) return;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error("The race never reached the state it waits for");
  }

  /** One round: `held` starts and stops mid-way at the gate; `other` starts and waits (or passes); the gate opens. */
  async function round<A, B>(held: "restore" | "destroy", first: () => Promise<A>, second: () => Promise<B>) {
    let open!: () => void;
    const opened = new Promise<void>((r) => (open = r));
    let closed!: () => void;
    const gateClosed = new Promise<void>((r) => (closed = r));
    // Committed before the gate closes, so the held side's trigger sees it.
    await raw(async (q) => {
      await q(`DELETE FROM race_side`);
      await q(`INSERT INTO race_side VALUES ($1)`, [held]);
    });
    const gate = raw(async (q) => {
      await q(`SELECT pg_advisory_xact_lock($1)`, [GATE]);
      closed();
      await opened;
    });
    await gateClosed;
    const a = first();
    await until(async () => (await waiting()).gated === 1);
    let settled = false;
    const b = second().finally(() => (settled = true));
    await until(async () => settled || (await waiting()).blockedBehind >= 1);
    open();
    await gate;
    const result = await Promise.all([a, b]);
    await raw((q) => q(`DELETE FROM race_side`));
    return result;
  }

  async function trashedRecord(ws: TestWorkspace, anchor: string, deletedAt: Date) {
    const record = await makeRecord(
      ws,
      { deletedAt, deletedById: ws.actors.member.userId },
      { notes: 2, activities: 1, subformRows: 1 },
    );
    await relate(ws, anchor, record.id);
    return record;
  }

  async function state(id: string) {
    return {
      record: await db().record.findUnique({ where: { id }, select: { deletedAt: true } }),
      notes: await db().note.count({ where: { recordId: id } }),
      destroyedEntries: await db().auditLog.count({
        where: { action: { in: ["records.destroy", "records.purge"] }, targetIds: { has: id } },
      }),
      restoredEntries: await db().auditLog.count({ where: { action: "records.restore", targetIds: { has: id } } }),
    };
  }

  it("restore vs permanent delete ×100 (50 with each side held mid-way): never both, every answer true", async () => {
    const ws = await makeWorkspace();
    const anchor = (await makeRecord(ws, { name: "Anchor" })).id;
    const tally = { restored: 0, destroyed: 0 };
    for (let i = 0; i < 100; i++) {
      const record = await trashedRecord(ws, anchor, NOW);
      const restore = () => restoreRecords(ws.actors.member, { ids: [record.id] }, NOW);
      const destroy = () => destroyRecords(ws.actors.admin, { ids: [record.id] }, NOW);
      const heldRestore = i % 2 === 0;
      const [r, d] = heldRestore
        ? await round("restore", restore, destroy)
        : await round("destroy", destroy, restore).then(([x, y]) => [y, x] as const);
      const after = await state(record.id);
      const restored = r.succeeded.includes(record.id);
      const destroyed = d.succeeded.includes(record.id);
      expect(restored && destroyed, `round ${i}`).toBe(false);
      expect(restored || destroyed, `round ${i}`).toBe(true);
      // The side held open got there first, so it wins.
      expect(restored, `round ${i}`).toBe(heldRestore);
      if (restored) expect(after).toMatchObject({ record: { deletedAt: null }, notes: 2, destroyedEntries: 0 });
      else expect(after).toMatchObject({ record: null, notes: 0, destroyedEntries: 1, restoredEntries: 0 });
      tally[restored ? "restored" : "destroyed"]++;
    }
    expect(tally).toEqual({ restored: 50, destroyed: 50 });
  }, 300_000);

  it("restore vs purge ×100 (50 with each side held mid-way): never both, every answer true", async () => {
    const ws = await makeWorkspace();
    const anchor = (await makeRecord(ws, { name: "Anchor" })).id;
    const deletedAt = new Date(NOW.getTime() - 14 * DAY + 60_000); // one minute left at NOW
    const purgeAt = new Date(NOW.getTime() + 120_000); // expired for the purge's clock
    const tally = { restored: 0, purged: 0 };
    for (let i = 0; i < 100; i++) {
      const record = await trashedRecord(ws, anchor, deletedAt);
      const restore = () => restoreRecords(ws.actors.member, { ids: [record.id] }, NOW);
      const purge = () => purgeExpired({ now: purgeAt, batchSize: 50 });
      const heldRestore = i % 2 === 0;
      const [r, p] = heldRestore
        ? await round("restore", restore, purge)
        : await round("destroy", purge, restore).then(([x, y]) => [y, x] as const);
      const after = await state(record.id);
      const restored = r.succeeded.includes(record.id);
      expect(restored && p.purged > 0, `round ${i}`).toBe(false);
      expect(restored || p.purged === 1, `round ${i}`).toBe(true);
      expect(restored, `round ${i}`).toBe(heldRestore);
      if (restored) expect(after).toMatchObject({ record: { deletedAt: null }, notes: 2, destroyedEntries: 0 });
      else {
        expect(r.failed).toMatchObject([{ id: record.id, code: "NOT_FOUND" }]);
        expect(after).toMatchObject({ record: null, notes: 0, destroyedEntries: 1, restoredEntries: 0 });
      }
      tally[restored ? "restored" : "purged"]++;
    }
    expect(tally).toEqual({ restored: 50, purged: 50 });
  }, 300_000);
});
