import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getRecord } from "@/lib/records/get";
import { purgeExpired } from "@/lib/purge/purge";
import { withTestDatabase } from "@/test/db";
import { inTimeZone } from "@/test/time-zone";
import { makeRecord, makeWorkspace, NOW, relate, viaSchema } from "@/test/fixtures";
import { undoDeleteSchema } from "./schemas";
import { softDeleteRecords } from "./delete";
import { restoreRecords, undoDelete } from "./restore";

withTestDatabase();
const DAY = 86_400_000;
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe("restore", () => {
  it("brings the record back with its notes, activities, subform rows, relations and segment membership", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(
      ws,
      { name: "Back again", attributes: { status: "Qualified" } },
      { notes: 2, activities: 1, subformRows: 2 },
    );
    const contact = await makeRecord(ws, { name: "Contact", entityId: ws.entities.contacts });
    await relate(ws, record.id, contact.id, "Primary contact");
    const segment = await db().segment.create({
      data: {
        workspaceId: ws.id,
        entityId: ws.entities.leads,
        name: "Qualified",
        createdById: ws.actors.member.userId,
        filter: { conditions: [{ field: "status", op: "equals", value: "Qualified" }] },
      },
    });
    await db().segmentMember.create({ data: { segmentId: segment.id, recordId: record.id } });

    await softDeleteRecords(ws.actors.member, { ids: [record.id] }, NOW);
    const result = await restoreRecords(ws.actors.member, { ids: [record.id] }, later(DAY));
    expect(result).toEqual({ succeeded: [record.id], failed: [] });

    const back = await getRecord(ws.actors.member, { id: record.id });
    expect(back.notes).toHaveLength(2);
    expect(back.activities).toHaveLength(1);
    expect(back.subformRows).toHaveLength(2);
    expect(back.relations.map((r) => r.record.name)).toEqual(["Contact"]);
    expect((await getRecord(ws.actors.member, { id: contact.id })).relations.map((r) => r.record.name)).toEqual([
      "Back again",
    ]);
    expect(await db().segmentMember.count({ where: { segmentId: segment.id, recordId: record.id } })).toBe(1);
    const stored = await db().record.findUniqueOrThrow({ where: { id: record.id } });
    expect(stored).toMatchObject({ deletedAt: null, deletedById: null, deleteBatchId: null });
    expect(await db().auditLog.count({ where: { action: "records.restore" } })).toBe(1);
  });

  it("lets a MEMBER restore only what they deleted; ADMIN+ restore anything", async () => {
    const ws = await makeWorkspace();
    const mine = await makeRecord(ws);
    const theirs = await makeRecord(ws);
    await softDeleteRecords(ws.actors.member, { ids: [mine.id] }, NOW);
    await softDeleteRecords(ws.actors.member2, { ids: [theirs.id] }, NOW);

    const result = await restoreRecords(ws.actors.member, { ids: [mine.id, theirs.id] }, NOW);
    expect(result.succeeded).toEqual([mine.id]);
    expect(result.failed).toEqual([
      { id: theirs.id, code: "FORBIDDEN", message: expect.stringContaining("only what they deleted") },
    ]);
    expect((await db().record.findUniqueOrThrow({ where: { id: theirs.id } })).deletedAt).not.toBeNull();

    expect((await restoreRecords(ws.actors.admin, { ids: [theirs.id] }, NOW)).succeeded).toEqual([theirs.id]);
  });

  it("fails with a clear conflict when a live record has taken its external id meanwhile", async () => {
    const ws = await makeWorkspace();
    const ext = { externalProvider: "hubspot", externalId: "4711" };
    const old = await makeRecord(ws, { name: "Old", ...ext });
    await softDeleteRecords(ws.actors.member, { ids: [old.id] }, NOW);
    // A trashed record never blocks creating a new one with the same external id.
    await makeRecord(ws, { name: "Newcomer", ...ext });

    const result = await restoreRecords(ws.actors.member, { ids: [old.id] }, NOW);
    expect(result.succeeded).toEqual([]);
    expect(result.failed).toEqual([
      { id: old.id, code: "CONFLICT", message: "Can't restore: “Newcomer” now uses the external id hubspot:4711." },
    ]);
    expect((await db().record.findUniqueOrThrow({ where: { id: old.id } })).deletedAt).not.toBeNull();
  });

  it("restores only one of two trashed records that share an external id, and says why for the other", async () => {
    const ws = await makeWorkspace();
    const ext = { externalProvider: "zoho", externalId: "9" };
    const first = await makeRecord(ws, { name: "First", ...ext });
    await softDeleteRecords(ws.actors.member, { ids: [first.id] }, NOW);
    const second = await makeRecord(ws, { name: "Second", ...ext });
    await softDeleteRecords(ws.actors.member, { ids: [second.id] }, NOW);
    const result = await restoreRecords(ws.actors.member, { ids: [first.id, second.id] }, NOW);
    expect(result.succeeded).toEqual([first.id]);
    expect(result.failed).toMatchObject([{ id: second.id, code: "CONFLICT" }]);
  });

  it("answers not found after purge, after expiry, for live ids, unknown ids and another workspace's ids", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const purged = await makeRecord(ws);
    const expired = await makeRecord(ws);
    const live = await makeRecord(ws);
    const foreign = await makeRecord(other, { entityId: other.entities.leads });
    await softDeleteRecords(ws.actors.admin, { ids: [purged.id] }, NOW);
    await softDeleteRecords(ws.actors.admin, { ids: [expired.id] }, later(DAY));
    await softDeleteRecords(other.actors.admin, { ids: [foreign.id] }, later(2 * DAY));
    await purgeExpired({ now: later(14 * DAY + 1) });

    const result = await restoreRecords(
      ws.actors.admin,
      { ids: [purged.id, expired.id, live.id, "unknown", foreign.id] },
      later(15 * DAY),
    );
    expect(result.succeeded).toEqual([]);
    expect(result.failed.map((f) => [f.id, f.code])).toEqual([
      [purged.id, "NOT_FOUND"],
      [expired.id, "NOT_FOUND"],
      [live.id, "NOT_FOUND"],
      ["unknown", "NOT_FOUND"],
      [foreign.id, "NOT_FOUND"],
    ]);
    expect(result.failed[1]!.message).toMatch(/run out/);
    expect(result.failed[4]!.message).toBe(result.failed[3]!.message);
    expect((await db().record.findUniqueOrThrow({ where: { id: foreign.id } })).deletedAt).not.toBeNull();
  });

  it("judges the 14 days by the deletion's own instant, whatever the server's time zone", async () => {
    // PGlite's driver reads a timestamp in the process's time zone; far from UTC that moved the
    // deletion by 13 hours and refused a record with half a day left as run out.
    inTimeZone("Pacific/Auckland");
    const ws = await makeWorkspace();
    const [halfDayLeft, runOut] = [await makeRecord(ws), await makeRecord(ws)];
    await softDeleteRecords(ws.actors.member, { ids: [halfDayLeft.id, runOut.id] }, NOW);
    expect(await restoreRecords(ws.actors.member, { ids: [halfDayLeft.id] }, later(13.5 * DAY))).toMatchObject({
      succeeded: [halfDayLeft.id],
      failed: [],
    });
    expect(await restoreRecords(ws.actors.member, { ids: [runOut.id] }, later(14 * DAY + 3_600_000))).toMatchObject({
      succeeded: [],
      failed: [{ id: runOut.id, code: "NOT_FOUND" }],
    });
  });

  it("refuses a VIEWER and changes nothing", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(ws);
    await softDeleteRecords(ws.actors.member, { ids: [record.id] }, NOW);
    await expect(restoreRecords(ws.actors.viewer, { ids: [record.id] }, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await db().record.findUniqueOrThrow({ where: { id: record.id } })).deletedAt).not.toBeNull();
  });
});

describe("undo", () => {
  it("restores exactly the batch of that delete, not other deletions", async () => {
    const ws = await makeWorkspace();
    const [a, b, c] = [await makeRecord(ws), await makeRecord(ws), await makeRecord(ws)];
    const first = await softDeleteRecords(ws.actors.member, { ids: [a.id, b.id] }, NOW);
    await softDeleteRecords(ws.actors.member, { ids: [c.id] }, NOW);
    const result = await undoDelete(ws.actors.member, { batchIds: [first.batchId!] }, NOW);
    expect(result.succeeded.sort()).toEqual([a.id, b.id].sort());
    expect((await db().record.findUniqueOrThrow({ where: { id: c.id } })).deletedAt).not.toBeNull();
  });

  it("rejects something that is not a batch id", async () => {
    const ws = await makeWorkspace();
    const undo = viaSchema(undoDeleteSchema, undoDelete);
    await expect(undo(ws.actors.member, { batchIds: ["x"] })).rejects.toMatchObject({
      code: "VALIDATION",
      field: "batchIds.0",
    });
    await expect(undo(ws.actors.member, { batchIds: [] })).rejects.toMatchObject({
      code: "VALIDATION",
      field: "batchIds",
    });
  });
});
