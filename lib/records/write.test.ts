import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { softDeleteRecords } from "@/lib/trash/delete";
import { withTestDatabase } from "@/test/db";
import { declareFields, makeRecord, makeWorkspace, NOW, viaSchema, type TestWorkspace } from "@/test/fixtures";
import { addNote as addNoteTyped, createRecord as createTyped, updateRecord as updateTyped } from "./edit";
import { listRecords as listTyped } from "./list";
import { listRecordsSchema } from "./schemas";
import { writeRecords } from "./write";
import { addNoteSchema, createRecordSchema, updateRecordSchema } from "./write-schemas";

withTestDatabase();

const createRecord = viaSchema(createRecordSchema, createTyped);
const updateRecord = viaSchema(updateRecordSchema, updateTyped);
const addNote = viaSchema(addNoteSchema, addNoteTyped);
const listRecords = viaSchema(listRecordsSchema, listTyped);

async function workspace(): Promise<TestWorkspace> {
  const ws = await makeWorkspace();
  await declareFields(ws, "leads", [
    { name: "status", label: "Status", type: "SELECT", options: ["New", "Qualified"], required: true },
    { name: "score", label: "Score", type: "NUMBER" },
    { name: "email", label: "Email", type: "EMAIL" },
  ]);
  return ws;
}
const leadCount = (ws: TestWorkspace) => db().record.count({ where: { workspaceId: ws.id } });

describe("create and edit records: one write function for every door", () => {
  it("creates a lead with its phone in E.164, so search finds it by the number as people type it", async () => {
    const ws = await workspace();
    const result = await createRecord(ws.actors.member, {
      entity: "leads",
      name: "Ada Lovelace",
      phoneNumber: "+44 (20) 7946-0958",
      attributes: { status: "qualified", score: "42" },
    });
    expect(result).toMatchObject({ status: "created", entitySlug: "leads" });
    const stored = await db().record.findFirstOrThrow({ where: { workspaceId: ws.id } });
    expect(stored).toMatchObject({
      name: "Ada Lovelace",
      phoneNumber: "+442079460958",
      attributes: { status: "Qualified", score: 42 },
      createdById: ws.actors.member.userId,
      ownerId: ws.actors.member.userId,
    });
    const found = await listRecords(ws.actors.viewer, { entity: "leads", q: "20 7946-0958" });
    expect(found.items.map((r) => r.id)).toEqual([stored.id]);
    expect(await db().auditLog.findFirst({ where: { workspaceId: ws.id, action: "records.create" } })).toMatchObject({
      targetIds: [stored.id],
      door: "UI",
    });
  });

  it("refuses a viewer, a bad phone, a missing required field, an unknown field and a wrong type — naming the field, creating nothing", async () => {
    const ws = await workspace();
    const base = { entity: "leads", name: "X", attributes: { status: "New" } };
    await expect(createRecord(ws.actors.viewer, base)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createRecord(ws.actors.member, { ...base, phoneNumber: "030 1234" })).rejects.toMatchObject({
      code: "VALIDATION",
      field: "phoneNumber",
    });
    await expect(createRecord(ws.actors.member, { ...base, attributes: {} })).rejects.toMatchObject({
      code: "VALIDATION",
      field: "attributes.status",
    });
    await expect(
      createRecord(ws.actors.member, { ...base, attributes: { status: "New", vip: true } }),
    ).rejects.toMatchObject({ code: "VALIDATION", field: "attributes.vip" });
    await expect(
      createRecord(ws.actors.member, { ...base, attributes: { status: "New", score: "many" } }),
    ).rejects.toMatchObject({ code: "VALIDATION", field: "attributes.score" });
    await expect(createRecord(ws.actors.member, { ...base, name: "  " })).rejects.toMatchObject({
      code: "VALIDATION",
      field: "name",
    });
    await expect(createRecord(ws.actors.member, { ...base, externalId: "1" })).rejects.toMatchObject({
      code: "VALIDATION",
      field: "externalProvider",
    });
    expect(await leadCount(ws)).toBe(0);
    expect(await db().auditLog.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it("an external id a live record holds is a conflict naming it; one only a trashed record holds offers that record, or creates anyway", async () => {
    const ws = await workspace();
    const holder = await makeRecord(ws, { name: "Grace Hopper", externalProvider: "hubspot", externalId: "77" });
    const input = {
      entity: "leads",
      name: "Grace H.",
      externalProvider: "hubspot",
      externalId: "77",
      attributes: { status: "New" },
    };
    await expect(createRecord(ws.actors.member, input)).rejects.toMatchObject({
      code: "CONFLICT",
      field: "externalId",
      message: `Already used by “Grace Hopper” (No. ${holder.recordNumber})`,
    });
    await softDeleteRecords(ws.actors.member, { ids: [holder.id] }, NOW);
    expect(await createRecord(ws.actors.member, input)).toEqual({
      status: "trashedHolder",
      holder: { id: holder.id, name: "Grace Hopper", recordNumber: holder.recordNumber.toString(), trashed: true },
    });
    expect(await leadCount(ws)).toBe(1);
    const anyway = await createRecord(ws.actors.member, { ...input, ifTrashedHolder: "create" });
    expect(anyway.status).toBe("created");
    expect(await db().record.findUniqueOrThrow({ where: { id: holder.id } })).toMatchObject({
      deletedAt: expect.any(Date),
      externalId: "77",
    });
  });

  it("edits only what is given: attributes merged, an empty value removes one; unknown, trashed and other workspaces' records are not found", async () => {
    const ws = await workspace();
    const other = await makeWorkspace("Other");
    const record = await makeRecord(ws, { name: "Old", attributes: { status: "New", score: 3, legacy: "kept" } });
    await updateRecord(ws.actors.member2, {
      id: record.recordNumber.toString(),
      name: "New name",
      phoneNumber: "0033 1 23 45 67 89",
      attributes: { score: "", email: "ada@example.com" },
    });
    expect(await db().record.findUniqueOrThrow({ where: { id: record.id } })).toMatchObject({
      name: "New name",
      phoneNumber: "+33123456789",
      attributes: { status: "New", legacy: "kept", email: "ada@example.com" },
    });
    await expect(updateRecord(ws.actors.member, { id: record.id, attributes: { status: "" } })).rejects.toMatchObject({
      code: "VALIDATION",
      field: "attributes.status",
    });
    await expect(updateRecord(other.actors.owner, { id: record.id, name: "Hijack" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(updateRecord(ws.actors.viewer, { id: record.id, name: "Nope" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await softDeleteRecords(ws.actors.member, { ids: [record.id] }, NOW);
    await expect(updateRecord(ws.actors.admin, { id: record.id, name: "Trashed" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await db().record.findUniqueOrThrow({ where: { id: record.id } })).name).toBe("New name");
  });

  it("a batch answers per op in order, writes the valid ones in one transaction and fires on-create automations unless asked not to", async () => {
    const ws = await workspace();
    const existing = await makeRecord(ws, { externalProvider: "crm", externalId: "A", attributes: { status: "New" } });
    const welcome = await db().automation.create({
      data: { workspaceId: ws.id, name: "Welcome", trigger: "RECORD_CREATED", entityId: ws.entities.leads },
    });
    const v = (externalId: string, extra = {}) => ({
      name: `Lead ${externalId}`,
      externalProvider: "crm",
      externalId,
      attributes: { status: "Qualified" },
      ...extra,
    });
    const { outcomes } = await writeRecords(
      ws.actors.member,
      "leads",
      [
        { op: "upsert", matchBy: "externalId", values: v("A", { attributes: { score: 9 } }) },
        { op: "upsert", matchBy: "externalId", values: v("B") },
        { op: "create", values: v("B") },
        { op: "create", values: v("C", { attributes: {} }) },
        { op: "update", ref: "999999", values: { name: "?" } },
      ],
      { fireAutomations: true, ifTrashedHolder: "create" },
      NOW,
    );
    expect(outcomes.map((o) => (o.ok ? o.action : `${o.code}:${o.field}`))).toEqual([
      "updated",
      "created",
      "CONFLICT:externalId",
      "VALIDATION:attributes.status",
      "NOT_FOUND:id",
    ]);
    expect(outcomes[0]).toMatchObject({ matchedBy: "externalId", record: { id: existing.id } });
    expect(await db().record.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({
      name: "Lead A",
      attributes: { status: "New", score: 9 },
    });
    expect(await leadCount(ws)).toBe(2);
    expect(await db().automationRun.count({ where: { automationId: welcome.id, event: "record.created" } })).toBe(1);
    expect(
      await db().auditLog.count({
        where: { workspaceId: ws.id, action: { in: ["records.create", "records.update"] } },
      }),
    ).toBe(2);

    await writeRecords(
      ws.actors.member,
      "leads",
      [{ op: "create", values: v("D") }],
      { fireAutomations: false, ifTrashedHolder: "create" },
      NOW,
    );
    expect(await db().automationRun.count({ where: { automationId: welcome.id } })).toBe(1);
  });

  it("upsert by phone matches the stored E.164 number however the number is typed", async () => {
    const ws = await workspace();
    const existing = await makeRecord(ws, { phoneNumber: "+15550100001", attributes: { status: "New" } });
    const { outcomes } = await writeRecords(
      ws.actors.member,
      "leads",
      [{ op: "upsert", matchBy: "phoneNumber", values: { name: "Typed", phoneNumber: "+1 (555) 010-0001" } }],
      { fireAutomations: false, ifTrashedHolder: "create" },
      NOW,
    );
    expect(outcomes[0]).toMatchObject({
      ok: true,
      action: "updated",
      matchedBy: "phoneNumber",
      record: { id: existing.id },
    });
    expect(await leadCount(ws)).toBe(1);
  });

  it("a dry run decides every op and writes nothing: no record, audit entry or automation run", async () => {
    const ws = await workspace();
    await db().automation.create({
      data: { workspaceId: ws.id, name: "Welcome", trigger: "RECORD_CREATED", entityId: ws.entities.leads },
    });
    const { outcomes } = await writeRecords(
      ws.actors.member,
      "leads",
      [
        { op: "create", values: { name: "Maybe", attributes: { status: "New" } } },
        { op: "create", values: { name: "", attributes: { status: "New" } } },
      ],
      { fireAutomations: true, ifTrashedHolder: "create", dryRun: true },
      NOW,
    );
    expect(outcomes.map((o) => (o.ok ? o.action : o.field))).toEqual(["created", "name"]);
    expect(await leadCount(ws)).toBe(0);
    expect(await db().auditLog.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await db().automationRun.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it("adds a note to a live record (MEMBER+), with an audit entry; a viewer is refused", async () => {
    const ws = await workspace();
    const record = await makeRecord(ws);
    await addNote(ws.actors.member, { id: record.id, body: "  Called, wants a demo.  " });
    await expect(addNote(ws.actors.viewer, { id: record.id, body: "Hi" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addNote(ws.actors.member, { id: record.id, body: " " })).rejects.toMatchObject({
      code: "VALIDATION",
      field: "body",
    });
    expect(
      await db().note.findMany({ where: { recordId: record.id }, select: { body: true, authorId: true } }),
    ).toEqual([{ body: "Called, wants a demo.", authorId: ws.actors.member.userId }]);
    expect(await db().auditLog.count({ where: { workspaceId: ws.id, action: "records.note" } })).toBe(1);
  });
});
