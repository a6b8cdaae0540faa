import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { emptyTrash } from "@/lib/trash/empty";
import { setHold } from "@/lib/trash/hold";
import { withTestDatabase } from "@/test/db";
import { makeRecord, makeWorkspace, NOW, relate } from "@/test/fixtures";
import { softDeleteRecords } from "@/lib/trash/delete";
import { getRecord } from "@/lib/records/get";
import { destroyRecords, NOT_IN_TRASH_TO_DESTROY } from "./destroy";
import { restoreRecords } from "@/lib/trash/restore";
import { transaction } from "@/lib/db/tx";
import { destroyLockedRecords } from "./destroy-batch";

withTestDatabase();

describe("hard delete (ADMIN+, GDPR erasure)", () => {
  it("removes a trashed record at once with everything, including its place in other records' relations", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(
      ws,
      { name: "Erase me", phoneNumber: "+4915112345678" },
      { notes: 1, activities: 2, subformRows: 1 },
    );
    const other = await makeRecord(ws, { name: "Stays" });
    await relate(ws, other.id, record.id, "Knows");
    await softDeleteRecords(ws.actors.member, { ids: [record.id] }, NOW);

    const result = await destroyRecords(ws.actors.admin, { ids: [record.id] }, NOW);
    expect(result).toEqual({ succeeded: [record.id], failed: [] });
    expect(await db().record.count({ where: { id: record.id } })).toBe(0);
    expect(await db().note.count({ where: { recordId: record.id } })).toBe(0);
    expect(await db().activity.count({ where: { recordId: record.id } })).toBe(0);
    expect(await db().subformRow.count({ where: { recordId: record.id } })).toBe(0);
    expect(await db().relation.count()).toBe(0);
    expect((await getRecord(ws.actors.admin, { id: other.id })).relations).toEqual([]);
    await expect(getRecord(ws.actors.admin, { id: record.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "records.destroy" } });
    expect(entry.details).toMatchObject({
      reason: "hard_delete",
      wasInTrash: true,
      notes: 1,
      activities: 2,
      subformRows: 1,
      relations: 1,
    });
  });

  it("destroys only the caller's workspace's records and their belongings, even when handed another's id", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const theirs = await makeRecord(other, { name: "Not yours" }, { notes: 2, activities: 1, subformRows: 1 });
    await softDeleteRecords(other.actors.member, { ids: [theirs.id] }, NOW);

    const destroyed = await transaction((tx) => destroyLockedRecords(tx, ws.actors.admin, [theirs.id], "hard_delete"));
    expect(destroyed).toEqual([]);
    expect(await db().record.count({ where: { id: theirs.id } })).toBe(1);
    expect(await db().note.count({ where: { recordId: theirs.id } })).toBe(2);
    expect(await db().activity.count({ where: { recordId: theirs.id } })).toBe(1);
    expect(await db().subformRow.count({ where: { recordId: theirs.id } })).toBe(1);
    expect(await db().auditLog.count({ where: { action: "records.destroy" } })).toBe(0);
  });

  it("removes a trashed record too; a second call answers not found; restore then answers not found", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(ws);
    await softDeleteRecords(ws.actors.member, { ids: [record.id] }, NOW);
    expect((await destroyRecords(ws.actors.owner, { ids: [record.id] }, NOW)).succeeded).toEqual([record.id]);
    expect((await destroyRecords(ws.actors.owner, { ids: [record.id] }, NOW)).failed).toEqual([
      { id: record.id, code: "NOT_FOUND", message: NOT_IN_TRASH_TO_DESTROY },
    ]);
    expect((await restoreRecords(ws.actors.owner, { ids: [record.id] }, NOW)).failed[0]!.code).toBe("NOT_FOUND");
  });

  it("refuses MEMBER and VIEWER, and answers not found for another workspace's record; nothing changes", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const record = await makeRecord(ws, {}, { notes: 1 });
    const foreign = await makeRecord(other, { entityId: other.entities.leads });
    await expect(destroyRecords(ws.actors.member, { ids: [record.id] }, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(destroyRecords(ws.actors.viewer, { ids: [record.id] }, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await destroyRecords(ws.actors.admin, { ids: [foreign.id] }, NOW)).failed).toMatchObject([
      { id: foreign.id, code: "NOT_FOUND" },
    ]);
    expect(await db().record.count()).toBe(2);
    expect(await db().note.count()).toBe(1);
    expect(await db().auditLog.count()).toBe(0);
  });
});

describe("empty trash (ADMIN+)", () => {
  it("needs the typed confirmation, keeps records on hold and other workspaces' trash", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const ids = [(await makeRecord(ws)).id, (await makeRecord(ws)).id, (await makeRecord(ws)).id];
    const live = await makeRecord(ws);
    const foreign = await makeRecord(other, { entityId: other.entities.leads });
    await softDeleteRecords(ws.actors.member, { ids }, NOW);
    await softDeleteRecords(other.actors.member, { ids: [foreign.id] }, NOW);
    await setHold(ws.actors.admin, { id: ids[0]!, hold: true }, NOW);

    await expect(emptyTrash(ws.actors.admin, { confirmation: "yes" }, NOW)).rejects.toMatchObject({
      code: "VALIDATION",
      field: "confirmation",
    });
    await expect(emptyTrash(ws.actors.member, { confirmation: "empty trash" }, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db().record.count()).toBe(5);

    const result = await emptyTrash(ws.actors.admin, { confirmation: "Empty trash" }, NOW, 1);
    expect(result).toEqual({ destroyed: 2, keptOnHold: 1 });
    expect((await db().record.findMany({ select: { id: true } })).map((r) => r.id).sort()).toEqual(
      [ids[0]!, live.id, foreign.id].sort(),
    );
    expect(await db().auditLog.count({ where: { action: "records.destroy" } })).toBe(2);
    expect(await db().auditLog.count({ where: { action: "trash.empty" } })).toBe(1);
  });
});
