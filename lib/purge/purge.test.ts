import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getRecord } from "@/lib/records/get";
import { softDeleteRecords } from "@/lib/trash/delete";
import { setHold } from "@/lib/trash/hold";
import { withTestDatabase } from "@/test/db";
import { makeRecord, makeWorkspace, NOW, relate } from "@/test/fixtures";
import { purgeExpired } from "./purge";

withTestDatabase();
const H = 3_600_000;
const DAY = 24 * H;
const at = (ms: number) => new Date(NOW.getTime() + ms);

describe("purge after retention", () => {
  it("keeps a record at 13 days 23 hours and purges it just after 14 days", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(ws, {}, { notes: 1 });
    await softDeleteRecords(ws.actors.member, { ids: [record.id] }, NOW);

    expect((await purgeExpired({ now: at(13 * DAY + 23 * H) })).purged).toBe(0);
    expect((await purgeExpired({ now: at(14 * DAY - 1) })).purged).toBe(0);
    expect(await db().record.count({ where: { id: record.id } })).toBe(1);

    const summary = await purgeExpired({ now: at(14 * DAY + 1000) });
    expect(summary.purged).toBe(1);
    expect(await db().record.count({ where: { id: record.id } })).toBe(0);
  });

  it("removes everything that belonged to the record and leaves an audit entry per record saying so", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(ws, { name: "Gone for good" }, { notes: 2, activities: 3, subformRows: 4 });
    const neighbour = await makeRecord(ws);
    await relate(ws, record.id, neighbour.id);
    await relate(ws, neighbour.id, record.id, "Back");
    const segment = await db().segment.create({ data: { workspaceId: ws.id, entityId: ws.entities.leads, name: "S" } });
    await softDeleteRecords(ws.actors.member, { ids: [record.id] }, NOW);
    await db().segmentMember.create({ data: { segmentId: segment.id, recordId: record.id } });

    const summary = await purgeExpired({ now: at(15 * DAY) });
    expect(summary).toMatchObject({ purged: 1, belongings: { notes: 2, activities: 3, subformRows: 4, relations: 2 } });
    for (const count of [
      db().note.count({ where: { recordId: record.id } }),
      db().activity.count({ where: { recordId: record.id } }),
      db().subformRow.count({ where: { recordId: record.id } }),
      db().relation.count({ where: { OR: [{ fromRecordId: record.id }, { toRecordId: record.id }] } }),
      db().segmentMember.count({ where: { recordId: record.id } }),
    ])
      expect(await count).toBe(0);
    expect((await getRecord(ws.actors.member, { id: neighbour.id })).relations).toEqual([]);

    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "records.purge" } });
    expect(entry).toMatchObject({ workspaceId: ws.id, actorId: null, door: "JOB", targetIds: [record.id] });
    expect(entry.details).toMatchObject({
      reason: "retention",
      names: ["Gone for good"],
      deletedById: ws.actors.member.userId,
      deletedAt: NOW.toISOString(),
      notes: 2,
      activities: 3,
      subformRows: 4,
      relations: 2,
    });
  });

  it("follows each workspace's own retention", async () => {
    const short = await makeWorkspace("Short", 3);
    const long = await makeWorkspace("Long", 30);
    const a = await makeRecord(short);
    const b = await makeRecord(long);
    await softDeleteRecords(short.actors.member, { ids: [a.id] }, NOW);
    await softDeleteRecords(long.actors.member, { ids: [b.id] }, NOW);
    const summary = await purgeExpired({ now: at(10 * DAY) });
    expect(summary.purged).toBe(1);
    expect(await db().record.count({ where: { id: a.id } })).toBe(0);
    expect(await db().record.count({ where: { id: b.id } })).toBe(1);
  });

  it("skips records on hold until they are released", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(ws);
    await softDeleteRecords(ws.actors.member, { ids: [record.id] }, NOW);
    await setHold(ws.actors.admin, { id: record.id, hold: true }, at(H));
    expect((await purgeExpired({ now: at(20 * DAY) })).purged).toBe(0);
    await setHold(ws.actors.admin, { id: record.id, hold: false }, at(20 * DAY));
    expect((await purgeExpired({ now: at(20 * DAY) })).purged).toBe(1);
  });

  it("changes nothing in a dry run, and works in batches", async () => {
    const ws = await makeWorkspace();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await makeRecord(ws)).id);
    await softDeleteRecords(ws.actors.member, { ids }, NOW);
    const dry = await purgeExpired({ now: at(15 * DAY), dryRun: true });
    expect(dry).toMatchObject({ purged: 5, dryRun: true, batches: 0 });
    expect(await db().record.count()).toBe(5);
    expect(await db().auditLog.count({ where: { action: "records.purge" } })).toBe(0);

    const real = await purgeExpired({ now: at(15 * DAY), batchSize: 2 });
    expect(real).toMatchObject({ purged: 5, batches: 3 });
    expect(await db().auditLog.count({ where: { action: "records.purge" } })).toBe(5);
  });
});
