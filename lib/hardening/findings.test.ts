import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { createSelection, applySelectionChunk, deleteExpiredSelections } from "@/lib/bulk/selection";
import { MAX_LIVE_SELECTIONS, SELECTION_TTL_MS } from "@/lib/bulk/schemas";
import { HELD_REFUSED, destroyRecords } from "@/lib/purge/destroy";
import { softDeleteRecords } from "@/lib/trash/delete";
import { setHold } from "@/lib/trash/hold";
import { restoreRecords } from "@/lib/trash/restore";
import { onPostgres, withTestDatabase } from "@/test/db";
import type { RawTransaction } from "@/test/ephemeral-db";
import { makeRecord, makeWorkspace, NOW, type TestWorkspace } from "@/test/fixtures";

// Issue 14's findings that live in the domain, each proved through the door that was probed.
// Only the session is mocked (what next-auth decodes from the cookie); the rest is real.
const session = vi.hoisted(() => ({ current: null as null | { userId: string; workspaceId: string } }));
vi.mock("@/lib/auth/session-token", () => ({ readSessionToken: async () => session.current }));

const { destroyRecordsAction } = await import("@/lib/actions/records");
const { applySelectionChunkAction } = await import("@/lib/actions/bulk");
const { createSegmentAction } = await import("@/lib/actions/segments");
const { GET: recordsRoute } = await import("@/app/api/app/records/route");
const { GET: trashRoute } = await import("@/app/api/app/trash/route");
const { GET: previewRoute } = await import("@/app/api/app/segments/preview/route");

const test = withTestDatabase();
beforeEach(() => {
  session.current = null;
});
const signInAs = (ws: TestWorkspace, who: keyof TestWorkspace["actors"]) => {
  session.current = { userId: ws.actors[who].userId, workspaceId: ws.id };
};
const rawTransaction: RawTransaction = (fn) =>
  (test.handle() as unknown as { rawTransaction: RawTransaction }).rawTransaction(fn);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function trashed(ws: TestWorkspace, by: keyof TestWorkspace["actors"] = "member") {
  const record = await makeRecord(ws, {}, { notes: 1 });
  await softDeleteRecords(ws.actors[by], { ids: [record.id] }, NOW);
  return record;
}

describe("#2 permanent delete only touches rows still in the trash", () => {
  it("#2 a trash selection applied with destroy spares a record restored meanwhile", async () => {
    const ws = await makeWorkspace();
    const x = await trashed(ws);
    const y = await trashed(ws);
    const selection = await createSelection(ws.actors.admin, { scope: "trash", filter: {} }, new Date());
    expect(selection.count).toBe(2);
    await restoreRecords(ws.actors.member, { ids: [x.id] }, NOW);

    signInAs(ws, "admin");
    const result = await applySelectionChunkAction({
      token: selection.token,
      confirmCount: 2,
      action: "destroy",
      chunk: 0,
    });
    expect(result).toMatchObject({ ok: true, data: { succeeded: [y.id], failed: [{ id: x.id, code: "NOT_FOUND" }] } });
    expect(await db().record.findUnique({ where: { id: x.id } })).toMatchObject({ deletedAt: null });
    expect(await db().note.count({ where: { recordId: x.id } })).toBe(1);
    const destroyed = await db().auditLog.findMany({ where: { action: "records.destroy" } });
    expect(destroyed.map((e) => e.targetIds)).toEqual([[y.id]]);
  });

  it("#2 the single permanent delete refuses a live record and changes nothing", async () => {
    const ws = await makeWorkspace();
    const live = await makeRecord(ws, {}, { notes: 1 });
    signInAs(ws, "admin");
    expect(await destroyRecordsAction({ ids: [live.id] })).toMatchObject({
      ok: true,
      data: { succeeded: [], failed: [{ id: live.id, code: "NOT_FOUND" }] },
    });
    expect(await db().record.count({ where: { id: live.id } })).toBe(1);
    expect(await db().auditLog.count({ where: { action: "records.destroy" } })).toBe(0);
  });

  it.runIf(onPostgres)(
    "#2 (PostgreSQL) a restore committed while the delete waits for the row lock wins: the record lives",
    async () => {
      const ws = await makeWorkspace();
      const x = await trashed(ws);
      let started!: () => void;
      const locked = new Promise<void>((r) => (started = r));
      const restorer = rawTransaction(async (q) => {
        await q(`SELECT id FROM "Record" WHERE id = $1 FOR UPDATE`, [x.id]);
        started();
        await sleep(300);
        await q(`UPDATE "Record" SET "deletedAt" = NULL, "deletedById" = NULL WHERE id = $1`, [x.id]);
      });
      await locked;
      const result = await destroyRecords(ws.actors.admin, { ids: [x.id] }, NOW);
      await restorer;
      expect(result).toMatchObject({ succeeded: [], failed: [{ id: x.id, code: "NOT_FOUND" }] });
      expect(await db().record.findUnique({ where: { id: x.id } })).toMatchObject({ deletedAt: null });
    },
  );
});

describe("#6 held records are refused by every permanent delete", () => {
  it("#6 single and bulk permanent delete refuse a held record with “held — release it first”", async () => {
    const ws = await makeWorkspace();
    const held = await trashed(ws);
    const other = await trashed(ws);
    await setHold(ws.actors.admin, { id: held.id, hold: true }, NOW);
    signInAs(ws, "admin");
    expect(await destroyRecordsAction({ ids: [held.id] })).toEqual({
      ok: true,
      data: { succeeded: [], failed: [{ id: held.id, code: "CONFLICT", message: HELD_REFUSED }] },
    });
    expect(HELD_REFUSED).toMatch(/^Held — release it first/);

    const selection = await createSelection(ws.actors.admin, { scope: "trash", filter: {} }, new Date());
    const result = await applySelectionChunkAction({
      token: selection.token,
      confirmCount: 2,
      action: "destroy",
      chunk: 0,
    });
    expect(result).toMatchObject({
      ok: true,
      data: { succeeded: [other.id], failed: [{ id: held.id, code: "CONFLICT", message: HELD_REFUSED }] },
    });
    expect(await db().record.findUnique({ where: { id: held.id } })).toMatchObject({ heldAt: expect.any(Date) });

    await setHold(ws.actors.admin, { id: held.id, hold: false }, NOW);
    expect(await destroyRecordsAction({ ids: [held.id] })).toMatchObject({
      ok: true,
      data: { succeeded: [held.id] },
    });
  });
});

describe("#10 restore judges its permission on the locked row", () => {
  it.runIf(onPostgres)(
    "#10 (PostgreSQL) a MEMBER cannot restore a deletion that became someone else's while they waited",
    async () => {
      const ws = await makeWorkspace();
      const x = await trashed(ws, "member");
      let started!: () => void;
      const locked = new Promise<void>((r) => (started = r));
      // Meanwhile, member2 restores X and deletes it again: it is now member2's deletion.
      const other = rawTransaction(async (q) => {
        await q(`SELECT id FROM "Record" WHERE id = $1 FOR UPDATE`, [x.id]);
        started();
        await sleep(300);
        await q(`UPDATE "Record" SET "deletedById" = $2, "deletedAt" = $3 WHERE id = $1`, [
          x.id,
          ws.actors.member2.userId,
          NOW.toISOString().replace("Z", ""),
        ]);
      });
      await locked;
      const result = await restoreRecords(ws.actors.member, { ids: [x.id] }, NOW);
      await other;
      expect(result).toMatchObject({ succeeded: [], failed: [{ id: x.id, code: "FORBIDDEN" }] });
      expect(await db().record.findUnique({ where: { id: x.id } })).toMatchObject({
        deletedById: ws.actors.member2.userId,
        deletedAt: expect.any(Date),
      });
    },
  );

  it("#10 restore still works for the one who deleted (lock taken, state re-read)", async () => {
    const ws = await makeWorkspace();
    const x = await trashed(ws, "member");
    expect(await restoreRecords(ws.actors.member, { ids: [x.id] }, NOW)).toEqual({ succeeded: [x.id], failed: [] });
  });
});

describe("#11 selections do not pile up", () => {
  it(`#11 at most ${MAX_LIVE_SELECTIONS} live selections per person: the oldest go, the newest work`, async () => {
    const ws = await makeWorkspace();
    await makeRecord(ws);
    const tokens: string[] = [];
    for (let i = 0; i < 8; i++)
      tokens.push((await createSelection(ws.actors.member, { scope: "records", entity: "leads" }, NOW)).token);
    await createSelection(ws.actors.member2, { scope: "records", entity: "leads" }, NOW);
    expect(await db().bulkSelection.count({ where: { userId: ws.actors.member.userId } })).toBe(MAX_LIVE_SELECTIONS);
    expect(await db().bulkSelection.count({ where: { userId: ws.actors.member2.userId } })).toBe(1);
    const kept = (
      await db().bulkSelection.findMany({ where: { userId: ws.actors.member.userId }, select: { id: true } })
    )
      .map((s) => s.id)
      .sort();
    expect(kept).toEqual(tokens.slice(-MAX_LIVE_SELECTIONS).sort());
    await expect(
      applySelectionChunk(ws.actors.member, { token: tokens[0]!, confirmCount: 1, action: "delete", chunk: 0 }, NOW),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("#11 expired selections are removed by the maintenance step and when the person makes a new one", async () => {
    const ws = await makeWorkspace();
    await makeRecord(ws);
    await createSelection(ws.actors.member, { scope: "records", entity: "leads" }, NOW);
    await createSelection(ws.actors.member2, { scope: "records", entity: "leads" }, NOW);
    const later = new Date(NOW.getTime() + SELECTION_TTL_MS + 1);
    await createSelection(ws.actors.member, { scope: "records", entity: "leads" }, later);
    expect(await db().bulkSelection.count({ where: { userId: ws.actors.member.userId } })).toBe(1);
    expect(await deleteExpiredSelections(later)).toBe(1);
    expect(await db().bulkSelection.count()).toBe(1);
  });
});

describe("#8 hostile text is a 400, never a 500", () => {
  const get = (route: (r: Request) => Promise<Response>, query: Record<string, string>) =>
    route(new Request(`http://localhost/api/app/x?${new URLSearchParams(query)}`));

  it("#8 a NUL byte in the search text answers 400 VALIDATION on records, trash and segment preview", async () => {
    const ws = await makeWorkspace();
    await makeRecord(ws);
    signInAs(ws, "admin");
    for (const [route, query] of [
      [recordsRoute, { entity: "leads", q: "a\u0000b" }],
      [trashRoute, { q: "a\u0000b" }],
      [previewRoute, { entity: "leads", filter: JSON.stringify({ q: "a\u0000b" }) }],
    ] as const) {
      const response = await get(route, query);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "VALIDATION" } });
    }
  });

  it("#8 a segment condition on the field __proto__ (or constructor) is a VALIDATION error, not a 500, and creates nothing", async () => {
    const ws = await makeWorkspace();
    await makeRecord(ws, { attributes: { status: "x" } });
    signInAs(ws, "member");
    for (const field of ["__proto__", "constructor", "prototype"]) {
      const filter = { conditions: [{ field, op: "equals" as const, value: "x" }] };
      expect(await createSegmentAction({ name: "Proto", entity: "leads", filter })).toMatchObject({
        ok: false,
        error: { code: "VALIDATION", field: "filter.conditions.0.field" },
      });
      const preview = await get(previewRoute, { entity: "leads", filter: JSON.stringify(filter) });
      expect(preview.status).toBeLessThan(500);
    }
    expect(await db().segment.count()).toBe(0);
  });
});

describe("#2 erasure of a live record (the record page) goes through the trash rule", () => {
  it("#2 destroyRecordsNowAction destroys a live record via the trash, and refuses VIEWER and MEMBER", async () => {
    const { destroyRecordsNowAction } = await import("@/lib/actions/records");
    const ws = await makeWorkspace();
    const live = await makeRecord(ws, {}, { notes: 2 });
    for (const who of ["viewer", "member"] as const) {
      signInAs(ws, who);
      expect(await destroyRecordsNowAction({ ids: [live.id] })).toMatchObject({
        ok: false,
        error: { code: "FORBIDDEN" },
      });
    }
    expect(await db().record.findUnique({ where: { id: live.id } })).toMatchObject({ deletedAt: null });
    signInAs(ws, "admin");
    expect(await destroyRecordsNowAction({ ids: [live.id] })).toEqual({
      ok: true,
      data: { succeeded: [live.id], failed: [] },
    });
    expect(await db().record.count({ where: { id: live.id } })).toBe(0);
    expect(await db().note.count()).toBe(0);
  });
});
