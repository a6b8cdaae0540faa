import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { softDeleteRecords } from "@/lib/trash/delete";
import { withTestDatabase } from "@/test/db";
import { makeRecord, makeWorkspace, NOW } from "@/test/fixtures";
import { setHold } from "./hold";

withTestDatabase();

describe("hold (ADMIN+)", () => {
  it("puts a trashed record on hold and releases it, with audit entries", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(ws);
    await softDeleteRecords(ws.actors.member, { ids: [record.id] }, NOW);
    await setHold(ws.actors.admin, { id: record.id, hold: true }, NOW);
    expect(await db().record.findUniqueOrThrow({ where: { id: record.id } })).toMatchObject({
      heldAt: NOW,
      heldById: ws.actors.admin.userId,
    });
    await setHold(ws.actors.admin, { id: record.id, hold: false }, NOW);
    expect(await db().record.findUniqueOrThrow({ where: { id: record.id } })).toMatchObject({
      heldAt: null,
      heldById: null,
    });
    expect(
      (
        await db().auditLog.findMany({ where: { action: { startsWith: "trash." } }, orderBy: { createdAt: "asc" } })
      ).map((e) => e.action),
    ).toEqual(["trash.hold", "trash.release"]);
  });

  it("refuses a MEMBER; answers not found for a live record or another workspace's", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const trashed = await makeRecord(ws);
    const live = await makeRecord(ws);
    const foreign = await makeRecord(other, { entityId: other.entities.leads });
    await softDeleteRecords(ws.actors.member, { ids: [trashed.id] }, NOW);
    await softDeleteRecords(other.actors.member, { ids: [foreign.id] }, NOW);
    await expect(setHold(ws.actors.member, { id: trashed.id, hold: true }, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(setHold(ws.actors.admin, { id: live.id, hold: true }, NOW)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(setHold(ws.actors.admin, { id: foreign.id, hold: true }, NOW)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db().record.count({ where: { heldAt: { not: null } } })).toBe(0);
  });
});
