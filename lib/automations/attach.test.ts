import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createSegment } from "@/lib/segments/create";
import { deleteSegment } from "@/lib/segments/delete";
import { withTestDatabase } from "@/test/db";
import { makeWorkspace, NOW, viaSchema } from "@/test/fixtures";
import { attachAutomation, attachAutomationSchema, NOT_DETACHED } from "./attach";

withTestDatabase();
const attach = viaSchema(attachAutomationSchema, attachAutomation);
const QUALIFIED = { conditions: [{ field: "name", op: "contains", value: "a" }] } as never;

async function detachedWorld() {
  const ws = await makeWorkspace();
  const make = (name: string, entity = "leads") =>
    createSegment(ws.actors.admin, { name, entity, filter: QUALIFIED }, NOW).then((s) => s.segmentId);
  const gone = await make("Old segment");
  const next = await make("New segment");
  const contacts = await make("Contacts segment", "contacts");
  const automation = await db().automation.create({
    data: {
      workspaceId: ws.id,
      name: "Welcome",
      trigger: "SEGMENT_ENTERED",
      entityId: ws.entities.leads,
      segmentId: gone,
    },
  });
  await deleteSegment(ws.actors.owner, { id: gone }, NOW);
  return { ws, next, contacts, automationId: automation.id };
}

describe("a detached automation can be attached to another segment", () => {
  it("an ADMIN attaches it: active again on the new segment, with an audit entry", async () => {
    const { ws, next, automationId } = await detachedWorld();
    expect(await db().automation.findUniqueOrThrow({ where: { id: automationId } })).toMatchObject({
      status: "DETACHED",
      segmentId: null,
    });
    expect(await attach(ws.actors.admin, { automationId, segmentId: next })).toMatchObject({
      segmentId: next,
      segmentName: "New segment",
    });
    expect(await db().automation.findUniqueOrThrow({ where: { id: automationId } })).toMatchObject({
      status: "ACTIVE",
      segmentId: next,
      detachedAt: null,
    });
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "automations.attach" } })).toMatchObject({
      actorId: ws.actors.admin.userId,
      targetIds: [automationId],
      details: expect.objectContaining({ name: "Welcome", segment: "New segment" }),
    });
    // Only a detached one: attaching again is a conflict, and changes nothing.
    await expect(attach(ws.actors.admin, { automationId, segmentId: next })).rejects.toMatchObject({
      code: "CONFLICT",
      message: NOT_DETACHED,
    });
  });

  it("refuses a MEMBER, another record type's segment, another workspace and bad input; nothing changes", async () => {
    const { ws, next, contacts, automationId } = await detachedWorld();
    const other = await makeWorkspace("Other");
    await expect(attach(ws.actors.member, { automationId, segmentId: next })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(attach(ws.actors.admin, { automationId, segmentId: contacts })).rejects.toMatchObject({
      code: "VALIDATION",
      field: "segmentId",
    });
    await expect(attach(other.actors.owner, { automationId, segmentId: next })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(attach(ws.actors.admin, { automationId: "", segmentId: next })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(attach(ws.actors.admin, { automationId, segmentId: "nope" })).rejects.toMatchObject({
      code: expect.stringMatching(/NOT_FOUND|VALIDATION/),
    });
    expect(await db().automation.findUniqueOrThrow({ where: { id: automationId } })).toMatchObject({
      status: "DETACHED",
      segmentId: null,
    });
    expect(await db().auditLog.count({ where: { action: "automations.attach" } })).toBe(0);
  });
});
