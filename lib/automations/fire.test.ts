import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { softDeleteRecords } from "@/lib/trash/delete";
import { withTestDatabase } from "@/test/db";
import { asDoor, makeRecord, makeWorkspace, NOW } from "@/test/fixtures";

withTestDatabase();

describe("on-delete automations", () => {
  it("run once per deleted record, for the entity's active RECORD_DELETED automations only", async () => {
    const ws = await makeWorkspace();
    const leads = [await makeRecord(ws), await makeRecord(ws), await makeRecord(ws)];
    const notify = await db().automation.create({
      data: { workspaceId: ws.id, name: "Notify", trigger: "RECORD_DELETED", entityId: ws.entities.leads },
    });
    const sync = await db().automation.create({
      data: { workspaceId: ws.id, name: "Sync", trigger: "RECORD_DELETED", entityId: ws.entities.leads },
    });
    const paused = await db().automation.create({
      data: {
        workspaceId: ws.id,
        name: "Paused",
        trigger: "RECORD_DELETED",
        entityId: ws.entities.leads,
        status: "PAUSED",
      },
    });
    const detached = await db().automation.create({
      data: {
        workspaceId: ws.id,
        name: "Detached",
        trigger: "RECORD_DELETED",
        entityId: ws.entities.leads,
        status: "DETACHED",
        detachedAt: NOW,
      },
    });
    const contacts = await db().automation.create({
      data: { workspaceId: ws.id, name: "Contacts", trigger: "RECORD_DELETED", entityId: ws.entities.contacts },
    });

    await softDeleteRecords(asDoor(ws.actors.member, "API"), { ids: leads.map((r) => r.id) }, NOW);

    for (const a of [notify, sync]) {
      const runs = await db().automationRun.findMany({ where: { automationId: a.id } });
      expect(runs.map((r) => r.recordId).sort()).toEqual(leads.map((r) => r.id).sort());
      expect(runs.every((r) => r.event === "record.deleted" && r.door === "API" && r.workspaceId === ws.id)).toBe(true);
    }
    for (const a of [paused, detached, contacts])
      expect(await db().automationRun.count({ where: { automationId: a.id } })).toBe(0);
    expect((await db().auditLog.findFirstOrThrow({ where: { action: "records.delete" } })).details).toMatchObject({
      automationRuns: 6,
      workflows: true,
    });
  });

  it("do not run at all when the caller turned workflows off", async () => {
    const ws = await makeWorkspace();
    const leads = [await makeRecord(ws), await makeRecord(ws)];
    await db().automation.create({
      data: { workspaceId: ws.id, name: "Notify", trigger: "RECORD_DELETED", entityId: ws.entities.leads },
    });
    const result = await softDeleteRecords(
      ws.actors.member,
      { ids: leads.map((r) => r.id), fireAutomations: false },
      NOW,
    );
    expect(result.succeeded).toHaveLength(2);
    expect(await db().automationRun.count()).toBe(0);
    expect((await db().auditLog.findFirstOrThrow({ where: { action: "records.delete" } })).details).toMatchObject({
      automationRuns: 0,
      workflows: false,
    });
  });

  it("do not run for ids that were not deleted", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(ws);
    await db().automation.create({
      data: { workspaceId: ws.id, name: "Notify", trigger: "RECORD_DELETED", entityId: ws.entities.leads },
    });
    await softDeleteRecords(ws.actors.member, { ids: [record.id] }, NOW);
    await softDeleteRecords(ws.actors.member, { ids: [record.id, "unknown"] }, NOW);
    expect(await db().automationRun.count()).toBe(1);
  });
});
