import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listRecords } from "@/lib/records/list";
import { getRecord } from "@/lib/records/get";
import { withTestDatabase } from "@/test/db";
import { makeRecord, makeRecords, makeWorkspace, NOW, relate, viaSchema } from "@/test/fixtures";
import { listRecordsSchema, recordIdsInputSchema } from "@/lib/records/schemas";
import { parseInput } from "@/lib/validation";
import { softDeleteRecords } from "./delete";

withTestDatabase();

describe("soft delete (MEMBER+)", () => {
  it("moves the record to the trash; it leaves lists, search, segments and other records' relations, while its belongings are kept", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(ws, { name: "Zed Trashme" }, { notes: 2, activities: 3, subformRows: 1 });
    const neighbour = await makeRecord(ws, { name: "Neighbour" });
    await relate(ws, neighbour.id, record.id, "Referred by");
    const segment = await db().segment.create({
      data: {
        workspaceId: ws.id,
        entityId: ws.entities.leads,
        name: "All leads",
        createdById: ws.actors.member.userId,
      },
    });
    await db().segmentMember.create({ data: { segmentId: segment.id, recordId: record.id } });

    const result = await softDeleteRecords(ws.actors.member, { ids: [record.id] }, NOW);
    expect(result.succeeded).toEqual([record.id]);
    expect(result.failed).toEqual([]);
    expect(result.batchId).toMatch(/^[0-9a-f-]{36}$/);

    const stored = await db().record.findUniqueOrThrow({ where: { id: record.id } });
    expect(stored).toMatchObject({
      deletedAt: NOW,
      deletedById: ws.actors.member.userId,
      deleteBatchId: result.batchId,
    });
    expect((await listRecords(ws.actors.member, parseInput(listRecordsSchema, { q: "Trashme" }))).items).toEqual([]);
    await expect(getRecord(ws.actors.member, { id: record.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getRecord(ws.actors.member, { id: neighbour.id })).relations).toEqual([]);
    expect(await db().segmentMember.count({ where: { recordId: record.id } })).toBe(0);
    expect(await db().note.count({ where: { recordId: record.id } })).toBe(2);
    expect(await db().activity.count({ where: { recordId: record.id } })).toBe(3);
    expect(await db().subformRow.count({ where: { recordId: record.id } })).toBe(1);
    expect(await db().relation.count({ where: { toRecordId: record.id } })).toBe(1);
  });

  it("writes one audit entry with the batch, the names and the door", async () => {
    const ws = await makeWorkspace();
    const a = await makeRecord(ws, { name: "Alpha" });
    const b = await makeRecord(ws, { name: "Beta" });
    const { batchId } = await softDeleteRecords({ ...ws.actors.admin, door: "API" }, { ids: [a.id, b.id] }, NOW);
    const entries = await db().auditLog.findMany({ where: { workspaceId: ws.id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "records.delete",
      door: "API",
      actorId: ws.actors.admin.userId,
      count: 2,
      targetIds: [a.id, b.id],
    });
    expect(entries[0]!.details).toMatchObject({ batchId, names: ["Alpha", "Beta"] });
  });

  it("reports each unknown, foreign or already trashed id and applies the rest; duplicates count once", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const live = await makeRecord(ws);
    const trashed = await makeRecord(ws, {
      deletedAt: new Date(NOW.getTime() - 1000),
      deletedById: ws.actors.member2.userId,
    });
    const foreign = await makeRecord(other, { entityId: other.entities.leads });

    const result = await viaSchema(recordIdsInputSchema, softDeleteRecords)(ws.actors.member, {
      ids: [live.id, trashed.id, "nope", foreign.id, live.id],
    });
    expect(result.succeeded).toEqual([live.id]);
    expect(result.failed).toEqual([
      { id: trashed.id, code: "NOT_FOUND", message: "Already in the trash." },
      { id: "nope", code: "NOT_FOUND", message: "Record not found." },
      { id: foreign.id, code: "NOT_FOUND", message: "Record not found." },
    ]);
    // The foreign record and the earlier deletion are untouched.
    expect((await db().record.findUniqueOrThrow({ where: { id: foreign.id } })).deletedAt).toBeNull();
    expect((await db().record.findUniqueOrThrow({ where: { id: trashed.id } })).deletedById).toBe(
      ws.actors.member2.userId,
    );
  });

  it("refuses a VIEWER with FORBIDDEN and changes nothing", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(ws);
    await expect(softDeleteRecords(ws.actors.viewer, { ids: [record.id] }, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await db().record.findUniqueOrThrow({ where: { id: record.id } })).deletedAt).toBeNull();
    expect(await db().auditLog.count()).toBe(0);
  });

  it("validates the whole call before anything changes: zero ids, over 1000, a non-string id", async () => {
    const ws = await makeWorkspace();
    const rows = await makeRecords(ws, 1001);
    const ids = rows.map((r) => r.id);
    const softDelete = viaSchema(recordIdsInputSchema, softDeleteRecords);
    await expect(softDelete(ws.actors.admin, { ids: [] })).rejects.toMatchObject({ code: "VALIDATION", field: "ids" });
    await expect(softDelete(ws.actors.admin, { ids })).rejects.toMatchObject({ code: "LIMIT_EXCEEDED", field: "ids" });
    await expect(softDelete(ws.actors.admin, { ids: [ids[0], 42] as never })).rejects.toMatchObject({
      code: "VALIDATION",
      field: "ids.1",
    });
    await expect(softDelete(ws.actors.admin, { ids: "not-an-array" as never })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect(await db().record.count({ where: { deletedAt: { not: null } } })).toBe(0);
    // Exactly 1000 distinct ids (plus duplicates) is allowed.
    const result = await softDelete(ws.actors.admin, { ids: [...ids.slice(0, 1000), ids[0]!] });
    expect(result.succeeded).toHaveLength(1000);
  });
});

describe("automations on delete", () => {
  async function setup() {
    const ws = await makeWorkspace();
    const active = await db().automation.create({
      data: { workspaceId: ws.id, name: "Notify", trigger: "RECORD_DELETED", entityId: ws.entities.leads },
    });
    await db().automation.create({
      data: {
        workspaceId: ws.id,
        name: "Detached",
        trigger: "RECORD_DELETED",
        entityId: ws.entities.leads,
        status: "DETACHED",
        detachedAt: NOW,
      },
    });
    await db().automation.create({
      data: { workspaceId: ws.id, name: "Contacts only", trigger: "RECORD_DELETED", entityId: ws.entities.contacts },
    });
    return { ws, active };
  }

  it("fire once per deleted record for the entity's active on-delete automations", async () => {
    const { ws, active } = await setup();
    const a = await makeRecord(ws);
    const b = await makeRecord(ws);
    await softDeleteRecords(ws.actors.member, { ids: [a.id, b.id] }, NOW);
    const runs = await db().automationRun.findMany({ orderBy: { recordId: "asc" } });
    expect(runs.map((r) => [r.automationId, r.recordId, r.event]).sort()).toEqual(
      [
        [active.id, a.id, "record.deleted"],
        [active.id, b.id, "record.deleted"],
      ].sort(),
    );
  });

  it("do not fire at all when the caller turned workflows off", async () => {
    const { ws } = await setup();
    const a = await makeRecord(ws);
    await softDeleteRecords(ws.actors.member, { ids: [a.id], fireAutomations: false }, NOW);
    expect(await db().automationRun.count()).toBe(0);
  });
});
