import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { softDeleteRecords } from "@/lib/trash/delete";
import { withTestDatabase } from "@/test/db";
import { makeRecord, makeWorkspace, NOW, viaSchema } from "@/test/fixtures";
import { createSegment as createSegmentTyped } from "./create";
import { listSegmentFields } from "./fields";
import { previewSegment as previewSegmentTyped } from "./preview";
import { createSegmentSchema, previewSegmentSchema } from "./schemas";

const createSegment = viaSchema(createSegmentSchema, createSegmentTyped);
const previewSegment = viaSchema(previewSegmentSchema, previewSegmentTyped);

withTestDatabase();

const qualified = { conditions: [{ field: "status", op: "equals" as const, value: "Qualified" }] };

describe("segment create", () => {
  it("fills the member cache with the live matching records only, and writes an audit entry", async () => {
    const ws = await makeWorkspace();
    const a = await makeRecord(ws, { name: "A", attributes: { status: "Qualified" } });
    const b = await makeRecord(ws, { name: "B", attributes: { status: "Qualified" } });
    const trashed = await makeRecord(ws, { name: "Trashed", attributes: { status: "Qualified" } });
    await makeRecord(ws, { name: "Other status", attributes: { status: "New" } });
    await makeRecord(ws, { name: "A contact", entityId: ws.entities.contacts, attributes: { status: "Qualified" } });
    await softDeleteRecords(ws.actors.member, { ids: [trashed.id] }, NOW);

    const result = await createSegment(
      ws.actors.member,
      { name: "  Qualified  ", entity: "leads", filter: qualified },
      NOW,
    );
    expect(result).toEqual({ segmentId: expect.any(String), memberCount: 2 });
    const members = await db().segmentMember.findMany({
      where: { segmentId: result.segmentId },
      select: { recordId: true },
    });
    expect(members.map((m) => m.recordId).sort()).toEqual([a.id, b.id].sort());
    expect(await db().segment.findUniqueOrThrow({ where: { id: result.segmentId } })).toMatchObject({
      name: "Qualified",
      workspaceId: ws.id,
      entityId: ws.entities.leads,
      createdById: ws.actors.member.userId,
      filter: qualified,
    });
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "segments.create" } })).toMatchObject({
      actorId: ws.actors.member.userId,
      targetIds: [result.segmentId],
      details: { name: "Qualified", memberCount: 2 },
    });
  });

  it("matches record columns and free text too", async () => {
    const ws = await makeWorkspace();
    await makeRecord(ws, { name: "Berlin Bakery", phoneNumber: "+4930123" });
    await makeRecord(ws, { name: "Munich Mill", phoneNumber: "+4989123" });
    const byPhone = await createSegment(
      ws.actors.member,
      {
        name: "Berlin numbers",
        entity: "leads",
        filter: { conditions: [{ field: "phone", op: "contains", value: "+4930" }] },
      },
      NOW,
    );
    expect(byPhone.memberCount).toBe(1);
    const byText = await createSegment(
      ws.actors.member,
      { name: "Mills", entity: "leads", filter: { q: "mill", conditions: [] } },
      NOW,
    );
    expect(byText.memberCount).toBe(1);
  });

  it("does not run SEGMENT_ENTERED automations for the members it starts with", async () => {
    const ws = await makeWorkspace();
    await makeRecord(ws, { attributes: { status: "Qualified" } });
    await db().automation.create({
      data: { workspaceId: ws.id, name: "Any lead deleted", trigger: "RECORD_DELETED", entityId: ws.entities.leads },
    });
    await createSegment(ws.actors.member, { name: "Qualified", entity: "leads", filter: qualified }, NOW);
    expect(await db().automationRun.count()).toBe(0);
  });

  it.each([
    [
      "a field name that is not a name",
      { name: "S", entity: "leads", filter: { conditions: [{ field: "status; drop", op: "equals", value: "x" }] } },
      "filter.conditions.0.field",
    ],
    [
      "a field no lead has",
      { name: "S", entity: "leads", filter: { conditions: [{ field: "staus", op: "equals", value: "x" }] } },
      "filter.conditions.0.field",
    ],
    ["no condition and no search", { name: "S", entity: "leads", filter: { conditions: [] } }, "filter.conditions"],
    [
      "an empty value",
      { name: "S", entity: "leads", filter: { conditions: [{ field: "status", op: "equals", value: "  " }] } },
      "filter.conditions.0.value",
    ],
    [
      "an unknown operator",
      { name: "S", entity: "leads", filter: { conditions: [{ field: "status", op: "like", value: "x" }] } },
      "filter.conditions.0.op",
    ],
    [
      "more than 10 conditions",
      {
        name: "S",
        entity: "leads",
        filter: { conditions: Array.from({ length: 11 }, () => ({ field: "status", op: "equals", value: "x" })) },
      },
      "filter.conditions",
    ],
    ["an empty name", { name: " ", entity: "leads", filter: qualified }, "name"],
  ])("refuses %s as VALIDATION naming the field, and creates nothing", async (_label, input, field) => {
    const ws = await makeWorkspace();
    await makeRecord(ws, { attributes: { status: "Qualified" } });
    await expect(createSegment(ws.actors.member, input as never, NOW)).rejects.toMatchObject({
      code: "VALIDATION",
      field,
    });
    expect(await db().segment.count()).toBe(0);
    expect(await db().auditLog.count()).toBe(0);
  });

  it("answers NOT_FOUND for an unknown entity or another workspace's, exactly alike", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const unknown = createSegment(ws.actors.member, { name: "S", entity: "unicorns", filter: qualified }, NOW);
    await expect(unknown).rejects.toMatchObject({ code: "NOT_FOUND", message: "Entity not found." });
    const foreign = createSegment(
      ws.actors.member,
      { name: "S", entity: other.entities.leads, filter: qualified },
      NOW,
    );
    await expect(foreign).rejects.toMatchObject({ code: "NOT_FOUND", message: "Entity not found." });
    expect(await db().segment.count()).toBe(0);
  });

  it("refuses a VIEWER with FORBIDDEN and creates nothing", async () => {
    const ws = await makeWorkspace();
    await makeRecord(ws, { attributes: { status: "Qualified" } });
    await expect(
      createSegment(ws.actors.viewer, { name: "S", entity: "leads", filter: qualified }, NOW),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().segment.count()).toBe(0);
    expect(await db().segmentMember.count()).toBe(0);
  });
});

describe("segment preview and fields", () => {
  it("counts the live matching records of the caller's workspace only", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    await makeRecord(ws, { name: "Live", attributes: { status: "Qualified" } });
    const trashed = await makeRecord(ws, { attributes: { status: "Qualified" } });
    await makeRecord(other, { entityId: other.entities.leads, attributes: { status: "Qualified" } });
    await softDeleteRecords(ws.actors.member, { ids: [trashed.id] }, NOW);
    expect(await previewSegment(ws.actors.viewer, { entity: "leads", filter: qualified })).toEqual({
      count: 1,
      sample: [{ id: expect.any(String), name: "Live" }],
    });
  });

  it("lists the record columns and every attribute key per entity", async () => {
    const ws = await makeWorkspace();
    await makeRecord(ws, { attributes: { status: "New", city: "Berlin" } });
    await makeRecord(ws, { entityId: ws.entities.deals, attributes: { stage: "Won" } });
    const fields = await listSegmentFields(ws.actors.viewer);
    expect(fields.leads).toEqual(["name", "phone", "externalId", "externalProvider", "city", "status"]);
    expect(fields.deals).toEqual(["name", "phone", "externalId", "externalProvider", "stage"]);
    expect(fields.contacts).toEqual(["name", "phone", "externalId", "externalProvider"]);
  });
});
