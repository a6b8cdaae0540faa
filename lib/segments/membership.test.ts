import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { purgeExpired } from "@/lib/purge/purge";
import { softDeleteRecords } from "@/lib/trash/delete";
import { destroyRecords } from "@/lib/purge/destroy";
import { restoreRecords } from "@/lib/trash/restore";
import { transaction } from "@/lib/db/tx";
import { onPostgres, withTestDatabase } from "@/test/db";
import { makeRecord, makeWorkspace, NOW, type TestWorkspace } from "@/test/fixtures";
import { createSegment } from "./create";
import { refreshMemberships } from "./membership";

withTestDatabase();
const DAY = 86_400_000;
const later = (ms: number) => new Date(NOW.getTime() + ms);
const qualified = { conditions: [{ field: "status", op: "equals" as const, value: "Qualified" }] };

/** Two qualified leads and one new one; a "Qualified" segment made through the domain. */
async function setup(ws: TestWorkspace) {
  const a = await makeRecord(ws, { name: "A", attributes: { status: "Qualified" } });
  const b = await makeRecord(ws, { name: "B", attributes: { status: "Qualified" } });
  const c = await makeRecord(ws, { name: "C", attributes: { status: "New" } });
  const { segmentId } = await createSegment(
    ws.actors.member,
    { name: "Qualified", entity: "leads", filter: qualified },
    NOW,
  );
  const members = async () =>
    (await db().segmentMember.findMany({ where: { segmentId }, select: { recordId: true } }))
      .map((m) => m.recordId)
      .sort();
  return { a, b, c, segmentId, members };
}

describe("the members cache stays true", () => {
  it("after delete: a trashed record leaves every segment", async () => {
    const ws = await makeWorkspace();
    const { a, b, members } = await setup(ws);
    expect(await members()).toEqual([a.id, b.id].sort());
    await softDeleteRecords(ws.actors.member, { ids: [a.id] }, NOW);
    expect(await members()).toEqual([b.id]);
  });

  it("after restore: the record rejoins the segments it matches, and only those", async () => {
    const ws = await makeWorkspace();
    const { a, b, c, members } = await setup(ws);
    await softDeleteRecords(ws.actors.member, { ids: [a.id, c.id] }, NOW);
    await restoreRecords(ws.actors.member, { ids: [a.id, c.id] }, later(DAY));
    expect(await members()).toEqual([a.id, b.id].sort());
    expect(await db().segmentMember.count({ where: { recordId: c.id } })).toBe(0);
  });

  it("after purge: a record purged from the trash is gone from the cache for good", async () => {
    const ws = await makeWorkspace();
    const { a, b, segmentId, members } = await setup(ws);
    await softDeleteRecords(ws.actors.member, { ids: [a.id] }, NOW);
    // Even a stale cache row (written by an older version) goes with the record.
    await db().segmentMember.create({ data: { segmentId, recordId: a.id } });
    expect((await purgeExpired({ now: later(15 * DAY) })).purged).toBe(1);
    expect(await members()).toEqual([b.id]);
  });

  it("after hard delete: the erased record leaves the cache", async () => {
    const ws = await makeWorkspace();
    const { a, b, members } = await setup(ws);
    // A stale cache row (written by an older version) of a trashed record goes with it too.
    await softDeleteRecords(ws.actors.member, { ids: [a.id] }, NOW);
    await db().segmentMember.create({
      data: { segmentId: (await db().segment.findFirstOrThrow()).id, recordId: a.id },
    });
    await destroyRecords(ws.actors.admin, { ids: [a.id] }, NOW);
    expect(await members()).toEqual([b.id]);
    await softDeleteRecords(ws.actors.member, { ids: [b.id] }, NOW);
    await destroyRecords(ws.actors.admin, { ids: [b.id] }, NOW);
    expect(await members()).toEqual([]);
  });

  it("never lists a trashed record among members, whatever the order of events", async () => {
    const ws = await makeWorkspace();
    const a = await makeRecord(ws, { attributes: { status: "Qualified" } });
    await softDeleteRecords(ws.actors.member, { ids: [a.id] }, NOW);
    const { segmentId, memberCount } = await createSegment(
      ws.actors.member,
      { name: "Later", entity: "leads", filter: qualified },
      NOW,
    );
    expect(memberCount).toBe(0);
    await restoreRecords(ws.actors.member, { ids: [a.id] }, NOW);
    expect(await db().segmentMember.count({ where: { segmentId } })).toBe(1);
  });
});

describe("SEGMENT_ENTERED automations", () => {
  async function withAutomations(ws: TestWorkspace, segmentId: string) {
    const active = await db().automation.create({
      data: { workspaceId: ws.id, name: "Welcome", trigger: "SEGMENT_ENTERED", segmentId, entityId: ws.entities.leads },
    });
    const paused = await db().automation.create({
      data: { workspaceId: ws.id, name: "Paused", trigger: "SEGMENT_ENTERED", segmentId, status: "PAUSED" },
    });
    return { active, paused };
  }

  it("run once per record a restore re-adds to the segment, with event segment.entered", async () => {
    const ws = await makeWorkspace();
    const { a, b, c, segmentId } = await setup(ws);
    const { active, paused } = await withAutomations(ws, segmentId);
    await softDeleteRecords(ws.actors.member, { ids: [a.id, b.id, c.id] }, NOW);
    await restoreRecords(ws.actors.member, { ids: [a.id, b.id, c.id] }, NOW);

    const runs = await db().automationRun.findMany({
      where: { automationId: active.id },
      orderBy: { recordId: "asc" },
    });
    expect(runs.map((r) => [r.recordId, r.event, r.door])).toEqual(
      [a.id, b.id].sort().map((id) => [id, "segment.entered", "UI"]),
    );
    expect(await db().automationRun.count({ where: { automationId: paused.id } })).toBe(0);
  });

  it("do not run for a record that was already a member, and record the door they were called through", async () => {
    const ws = await makeWorkspace();
    const { a, segmentId } = await setup(ws);
    const { active } = await withAutomations(ws, segmentId);
    const runs = await transaction((tx) => refreshMemberships(tx, ws.id, [{ id: a.id, entityId: a.entityId }], "API"));
    expect(runs).toBe(0);

    await db().segmentMember.deleteMany({ where: { recordId: a.id } });
    expect(await transaction((tx) => refreshMemberships(tx, ws.id, [{ id: a.id, entityId: a.entityId }], "API"))).toBe(
      1,
    );
    expect(await db().automationRun.findFirstOrThrow({ where: { automationId: active.id } })).toMatchObject({
      recordId: a.id,
      door: "API",
      event: "segment.entered",
    });
  });

  it("run for another segment's entries only when it is theirs", async () => {
    const ws = await makeWorkspace();
    const { a, segmentId } = await setup(ws);
    const other = await createSegment(
      ws.actors.member,
      { name: "New ones", entity: "leads", filter: { conditions: [{ field: "status", op: "equals", value: "New" }] } },
      NOW,
    );
    await withAutomations(ws, other.segmentId);
    await softDeleteRecords(ws.actors.member, { ids: [a.id] }, NOW);
    await restoreRecords(ws.actors.member, { ids: [a.id] }, NOW);
    expect(await db().segmentMember.count({ where: { segmentId, recordId: a.id } })).toBe(1);
    expect(await db().automationRun.count()).toBe(0);
  });
});

describe("races with a concurrent change (PostgreSQL, real concurrency)", () => {
  it.runIf(onPostgres)(
    "a restore racing a segment delete waits for it, then neither fails nor re-adds members to the gone segment",
    async () => {
      const ws = await makeWorkspace();
      const { a, segmentId } = await setup(ws);
      const welcome = await db().automation.create({
        data: { workspaceId: ws.id, name: "Welcome", trigger: "SEGMENT_ENTERED", segmentId },
      });
      await softDeleteRecords(ws.actors.member, { ids: [a.id] }, NOW);

      // Hold the segment's row lock the way deleteSegment does, and let a restore start meanwhile.
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const deleting = transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Segment" WHERE id = ${segmentId} FOR UPDATE`;
        await gate;
        await tx.automation.updateMany({
          where: { segmentId },
          data: { status: "DETACHED", detachedAt: NOW, segmentId: null },
        });
        await tx.segmentMember.deleteMany({ where: { segmentId } });
        await tx.segment.delete({ where: { id: segmentId } });
      });
      await new Promise((r) => setTimeout(r, 100));
      const restoring = restoreRecords(ws.actors.member, { ids: [a.id] }, NOW);
      await new Promise((r) => setTimeout(r, 300));
      release();
      await deleting;

      expect(await restoring).toEqual({ succeeded: [a.id], failed: [] });
      expect(await db().segmentMember.count({ where: { recordId: a.id } })).toBe(0);
      expect(await db().automationRun.count({ where: { automationId: welcome.id } })).toBe(0);
    },
  );

  it.runIf(onPostgres)(
    "a segment created while a matching record is being trashed does not keep it as a member",
    async () => {
      const ws = await makeWorkspace();
      const a = await makeRecord(ws, { attributes: { status: "Qualified" } });
      const b = await makeRecord(ws, { attributes: { status: "Qualified" } });

      // A soft delete of `a` in progress: row updated, memberships dropped, not yet committed.
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const trashing = transaction(async (tx) => {
        await tx.record.update({ where: { id: a.id }, data: { deletedAt: NOW, deletedById: ws.actors.member.userId } });
        await tx.segmentMember.deleteMany({ where: { recordId: a.id } });
        await gate;
      });
      await new Promise((r) => setTimeout(r, 100));
      const creating = createSegment(ws.actors.member, { name: "Qualified", entity: "leads", filter: qualified }, NOW);
      await new Promise((r) => setTimeout(r, 300));
      release();
      await trashing;

      const { segmentId, memberCount } = await creating;
      expect(memberCount).toBe(1);
      expect((await db().segmentMember.findMany({ where: { segmentId } })).map((m) => m.recordId)).toEqual([b.id]);
    },
  );
});
