import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { countStatements, withTestDatabase } from "@/test/db";
import { makeRecords, makeWorkspace, NOW, type TestWorkspace } from "@/test/fixtures";
import { softDeleteRecords } from "./delete";
import { destroyRecords } from "@/lib/purge/destroy";
import { restoreRecords, undoDelete } from "./restore";

withTestDatabase();

/** Records that each have a note, an activity, a line item and a relation to the next one. */
async function richRecords(ws: TestWorkspace, n: number) {
  const rows = await makeRecords(ws, n);
  const ids = rows.map((r) => r.id);
  await db().note.createMany({ data: ids.map((recordId) => ({ workspaceId: ws.id, recordId, body: "n" })) });
  await db().activity.createMany({
    data: ids.map((recordId) => ({ workspaceId: ws.id, recordId, kind: "call", summary: "a" })),
  });
  await db().subformRow.createMany({
    data: ids.map((recordId) => ({ workspaceId: ws.id, recordId, subform: "line_items", position: 0 })),
  });
  await db().relation.createMany({
    data: ids.slice(1).map((id, i) => ({ workspaceId: ws.id, fromRecordId: ids[i]!, toRecordId: id, label: "next" })),
  });
  await db().segment.create({
    data: {
      workspaceId: ws.id,
      entityId: ws.entities.leads,
      name: "All",
      members: { createMany: { data: ids.map((recordId) => ({ recordId })) } },
    },
  });
  await db().automation.create({
    data: { workspaceId: ws.id, name: "On delete", trigger: "RECORD_DELETED", entityId: ws.entities.leads },
  });
  return ids;
}

describe("bulk calls cost a fixed number of SQL statements, whatever the number of ids", () => {
  it("delete, restore and hard delete of 10 and of 1000 records (cascades included)", async () => {
    const ws = await makeWorkspace();
    const small = await richRecords(ws, 10);
    const large = await richRecords(ws, 1000);
    const cost = async (fn: (ids: string[]) => Promise<unknown>) => [
      await countStatements(() => fn(small)),
      await countStatements(() => fn(large)),
    ];

    const [del10, del1000] = await cost((ids) => softDeleteRecords(ws.actors.admin, { ids }, NOW));
    expect(del10).toBe(del1000);
    const [res10, res1000] = await cost((ids) => restoreRecords(ws.actors.admin, { ids }, NOW));
    expect(res10).toBe(res1000);
    for (const ids of [small, large]) await softDeleteRecords(ws.actors.admin, { ids }, NOW);
    const [des10, des1000] = await cost((ids) => destroyRecords(ws.actors.admin, { ids }, NOW));
    expect(des10).toBe(des1000);
    expect(del1000).toBeLessThan(15);
    expect(await db().record.count()).toBe(0);
  });
});

describe("undo of a bulk delete", () => {
  it("restores exactly the 1000 records of that batch", async () => {
    const ws = await makeWorkspace();
    const ids = await richRecords(ws, 1001);
    const batch = await softDeleteRecords(ws.actors.member, { ids: ids.slice(0, 1000) }, NOW);
    await softDeleteRecords(ws.actors.member, { ids: [ids[1000]!] }, NOW);
    const result = await undoDelete(ws.actors.member, { batchIds: [batch.batchId!] }, NOW);
    expect(result.succeeded).toHaveLength(1000);
    expect(result.failed).toEqual([]);
    expect(await db().record.count({ where: { deletedAt: null } })).toBe(1000);
    expect(await db().record.findUniqueOrThrow({ where: { id: ids[1000]! } })).toMatchObject({ deletedAt: NOW });
    expect(await db().segmentMember.count()).toBe(1000);
  });
});
