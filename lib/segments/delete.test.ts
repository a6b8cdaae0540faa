import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { softDeleteRecords } from "@/lib/trash/delete";
import { restoreRecords } from "@/lib/trash/restore";
import { withTestDatabase } from "@/test/db";
import { makeRecord, makeWorkspace, NOW, viaSchema, type TestWorkspace } from "@/test/fixtures";
import { createSegment } from "./create";
import { deleteSegment } from "./delete";
import { segmentRefSchema } from "./schemas";

withTestDatabase();
const qualified = { conditions: [{ field: "status", op: "equals" as const, value: "Qualified" }] };

async function segmentWithAutomations(ws: TestWorkspace) {
  const records = [
    await makeRecord(ws, { attributes: { status: "Qualified" } }),
    await makeRecord(ws, { attributes: { status: "Qualified" } }),
  ];
  const { segmentId } = await createSegment(
    ws.actors.member,
    { name: "Qualified leads", entity: "leads", filter: qualified },
    NOW,
  );
  const welcome = await db().automation.create({
    data: { workspaceId: ws.id, name: "Welcome", trigger: "SEGMENT_ENTERED", segmentId, entityId: ws.entities.leads },
  });
  const paused = await db().automation.create({
    data: { workspaceId: ws.id, name: "Paused follow-up", trigger: "SEGMENT_ENTERED", segmentId, status: "PAUSED" },
  });
  const onDelete = await db().automation.create({
    data: { workspaceId: ws.id, name: "On lead delete", trigger: "RECORD_DELETED", entityId: ws.entities.leads },
  });
  return { records, segmentId, welcome, paused, onDelete };
}

describe("segment delete", () => {
  it("removes the segment and its cached members, detaches its automations and audits it in one go", async () => {
    const ws = await makeWorkspace();
    const { records, segmentId, welcome, paused, onDelete } = await segmentWithAutomations(ws);

    const result = await deleteSegment(ws.actors.member, { id: segmentId }, NOW);
    expect(result).toEqual({ segmentId, detachedAutomationIds: [welcome.id, paused.id].sort() });

    expect(await db().segment.count({ where: { id: segmentId } })).toBe(0);
    expect(await db().segmentMember.count({ where: { segmentId } })).toBe(0);
    // The records themselves are untouched.
    expect(await db().record.count({ where: { id: { in: records.map((r) => r.id) }, deletedAt: null } })).toBe(2);
    for (const a of [welcome, paused]) {
      expect(await db().automation.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
        status: "DETACHED",
        detachedAt: NOW,
        segmentId: null,
      });
    }
    expect(await db().automation.findUniqueOrThrow({ where: { id: onDelete.id } })).toMatchObject({
      status: "ACTIVE",
      detachedAt: null,
    });

    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "segments.delete" } });
    expect(entry).toMatchObject({
      workspaceId: ws.id,
      actorId: ws.actors.member.userId,
      door: "UI",
      entityId: ws.entities.leads,
      targetIds: [segmentId],
      count: 1,
    });
    expect(entry.details).toMatchObject({
      name: "Qualified leads",
      memberCount: 2,
      detachedAutomationIds: [welcome.id, paused.id].sort(),
    });
  });

  it("answers NOT_FOUND for an unknown id and for another workspace's segment alike, changing nothing", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const { segmentId } = await segmentWithAutomations(other);
    const unknown = await deleteSegment(ws.actors.owner, { id: "no-such-segment" }, NOW).catch((e: unknown) => e);
    const foreign = await deleteSegment(ws.actors.owner, { id: segmentId }, NOW).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: "NOT_FOUND", message: "Segment not found." });
    expect(foreign).toMatchObject({ code: "NOT_FOUND", message: "Segment not found." });
    expect(await db().segment.count({ where: { id: segmentId } })).toBe(1);
    expect(await db().automation.count({ where: { segmentId } })).toBe(2);
  });

  it("refuses a second delete of the same segment as not found", async () => {
    const ws = await makeWorkspace();
    const { segmentId } = await segmentWithAutomations(ws);
    const [first, second] = await Promise.allSettled([
      deleteSegment(ws.actors.member, { id: segmentId }, NOW),
      deleteSegment(ws.actors.owner, { id: segmentId }, NOW),
    ]);
    expect([first.status, second.status].sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = [first, second].find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "NOT_FOUND" });
    expect(await db().auditLog.count({ where: { action: "segments.delete" } })).toBe(1);
  });

  it("validates the id", async () => {
    const ws = await makeWorkspace();
    const remove = viaSchema(segmentRefSchema, deleteSegment);
    await expect(remove(ws.actors.owner, { id: "" })).rejects.toMatchObject({ code: "VALIDATION", field: "id" });
    await expect(remove(ws.actors.owner, { id: 42 as never })).rejects.toMatchObject({
      code: "VALIDATION",
      field: "id",
    });
  });

  it("lets only the OWNER delete a segment whose creator was removed", async () => {
    const ws = await makeWorkspace();
    const { segmentId } = await segmentWithAutomations(ws);
    await db().segment.update({ where: { id: segmentId }, data: { createdById: null } });
    await expect(deleteSegment(ws.actors.admin, { id: segmentId }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteSegment(ws.actors.owner, { id: segmentId }, NOW)).resolves.toMatchObject({ segmentId });
  });
});

describe("a detached automation never runs again", () => {
  it("gets no run when a record that would have entered its segment comes back", async () => {
    const ws = await makeWorkspace();
    const { records, segmentId, welcome } = await segmentWithAutomations(ws);
    const [record] = records;
    // Control: while attached, the same events run it.
    await softDeleteRecords(ws.actors.member, { ids: [record!.id] }, NOW);
    await restoreRecords(ws.actors.member, { ids: [record!.id] }, NOW);
    expect(await db().automationRun.count({ where: { automationId: welcome.id } })).toBe(1);

    await softDeleteRecords(ws.actors.member, { ids: [record!.id] }, NOW);
    await deleteSegment(ws.actors.member, { id: segmentId }, NOW);
    // A new segment with the same filter does not adopt it either.
    await createSegment(ws.actors.member, { name: "Qualified leads", entity: "leads", filter: qualified }, NOW);
    await restoreRecords(ws.actors.member, { ids: [record!.id] }, NOW);
    expect(await db().automationRun.count({ where: { automationId: welcome.id } })).toBe(1);
  });

  it("gets no run even if it still pointed at a segment", async () => {
    const ws = await makeWorkspace();
    const { records, segmentId, welcome } = await segmentWithAutomations(ws);
    await db().automation.update({ where: { id: welcome.id }, data: { status: "DETACHED", detachedAt: NOW } });
    await softDeleteRecords(ws.actors.member, { ids: [records[0]!.id] }, NOW);
    await restoreRecords(ws.actors.member, { ids: [records[0]!.id] }, NOW);
    expect(await db().segmentMember.count({ where: { segmentId, recordId: records[0]!.id } })).toBe(1);
    expect(await db().automationRun.count({ where: { automationId: welcome.id } })).toBe(0);
  });
});
