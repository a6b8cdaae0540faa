import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTestDatabase } from "@/test/db";
import { makeWorkspace, NOW } from "@/test/fixtures";
import { listOnDeleteAutomations } from "./impact";

withTestDatabase();

describe("listOnDeleteAutomations (what the delete dialog names)", () => {
  it("lists the entity's active on-delete automations by name, and nothing of another entity, trigger, status or workspace", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const leads = ws.entities.leads;
    const automation = (name: string, data: Record<string, unknown> = {}) =>
      db().automation.create({
        data: { workspaceId: ws.id, name, trigger: "RECORD_DELETED", entityId: leads, ...data },
      });
    const sync = await automation("Sync to warehouse");
    const notify = await automation("Notify owner");
    await automation("Paused", { status: "PAUSED" });
    await automation("Detached", { status: "DETACHED", detachedAt: NOW });
    await automation("On create", { trigger: "RECORD_CREATED" });
    await automation("Contacts", { entityId: ws.entities.contacts });
    await db().automation.create({
      data: { workspaceId: other.id, name: "Elsewhere", trigger: "RECORD_DELETED", entityId: other.entities.leads },
    });

    const expected = [
      { id: notify.id, name: "Notify owner" },
      { id: sync.id, name: "Sync to warehouse" },
    ];
    expect(await listOnDeleteAutomations(ws.actors.member, leads)).toEqual(expected);
    expect(await listOnDeleteAutomations(ws.actors.viewer, leads)).toEqual(expected);
    // Another workspace's caller, even with this workspace's entity id, sees none of them.
    expect(await listOnDeleteAutomations(other.actors.owner, leads)).toEqual([]);
    expect(await listOnDeleteAutomations(other.actors.owner, other.entities.leads)).toEqual([
      { id: expect.any(String), name: "Elsewhere" },
    ]);
  });
});
