import { describe, expect, it } from "vitest";
import { softDeleteRecords } from "@/lib/trash/delete";
import { setHold } from "@/lib/trash/hold";
import { withTestDatabase } from "@/test/db";
import { makeRecord, makeWorkspace, NOW, relate } from "@/test/fixtures";
import { getTrashedRecord, previewableTrashedId, trashedRecordNotice } from "./preview";

withTestDatabase();
const H = 3_600_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

async function setup() {
  const ws = await makeWorkspace();
  const other = await makeWorkspace("Other");
  const record = await makeRecord(
    ws,
    { name: "Gone lead", attributes: { status: "Qualified" } },
    { notes: 2, activities: 1, subformRows: 1 },
  );
  const liveFriend = await makeRecord(ws, { name: "Live friend" });
  const trashedFriend = await makeRecord(ws, { name: "Trashed friend" });
  await relate(ws, record.id, liveFriend.id, "Works with");
  await relate(ws, trashedFriend.id, record.id, "Reports to");
  await softDeleteRecords(ws.actors.member, { ids: [record.id] }, ago(13 * 24 * H + 20 * H));
  await softDeleteRecords(ws.actors.admin, { ids: [trashedFriend.id] }, ago(H));
  return { ws, other, record, liveFriend, trashedFriend };
}

describe("previewing a trashed record", () => {
  it("shows the record as it was, with relations marked when the other end is in the trash, and the countdown's words", async () => {
    const { ws, record } = await setup();
    const preview = await getTrashedRecord(ws.actors.member, { id: record.id }, NOW);
    expect(preview).toMatchObject({ id: record.id, name: "Gone lead", attributes: { status: "Qualified" } });
    expect(preview.notes).toHaveLength(2);
    expect(preview.activities).toHaveLength(1);
    expect(preview.subformRows).toHaveLength(1);
    expect(preview.relations.map((r) => [r.record.name, r.record.trashed])).toEqual([
      ["Live friend", false],
      ["Trashed friend", true],
    ]);
    expect(preview.trash).toMatchObject({
      deletedBy: ws.actors.member.name,
      timeLeft: "4 hours left",
      urgency: "urgent",
      heldAt: null,
      purgeAt: new Date(ago(13 * 24 * H + 20 * H).getTime() + 14 * 24 * H).toISOString(),
    });
    expect(preview.can).toEqual({ restore: true, hold: false, destroy: false });
  });

  it("lets a MEMBER preview only what they may restore; an ADMIN anything, with hold and destroy", async () => {
    const { ws, record, trashedFriend } = await setup();
    await expect(getTrashedRecord(ws.actors.member2, { id: record.id }, NOW)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getTrashedRecord(ws.actors.member, { id: trashedFriend.id }, NOW)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const admin = await getTrashedRecord(ws.actors.admin, { id: record.id }, NOW);
    expect(admin.can).toEqual({ restore: true, hold: true, destroy: true });
  });

  it("refuses a VIEWER with FORBIDDEN, and answers another workspace's, a live or an unknown id with NOT_FOUND", async () => {
    const { ws, other, record, liveFriend } = await setup();
    await expect(getTrashedRecord(ws.actors.viewer, { id: record.id }, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("member"),
    });
    await expect(getTrashedRecord(other.actors.owner, { id: record.id }, NOW)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getTrashedRecord(ws.actors.admin, { id: liveFriend.id }, NOW)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getTrashedRecord(ws.actors.admin, { id: "nope" }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("finds the record by its number too, and says when it is on hold", async () => {
    const { ws, record } = await setup();
    await setHold(ws.actors.admin, { id: record.id, hold: true }, NOW);
    const preview = await getTrashedRecord(ws.actors.admin, { id: record.recordNumber.toString() }, NOW);
    expect(preview.trash).toMatchObject({ heldBy: ws.actors.admin.name, heldAt: NOW.toISOString() });
    expect(await previewableTrashedId(ws.actors.member, { id: record.recordNumber.toString() })).toBe(record.id);
    expect(await previewableTrashedId(ws.actors.viewer, { id: record.id })).toBeNull();
    expect(await previewableTrashedId(ws.actors.member2, { id: record.id })).toBeNull();
  });
});

describe("a trashed record the caller may not preview (issue 27)", () => {
  it("tells a colleague of the same workspace that it is in the trash and who deleted it", async () => {
    const { ws, record, liveFriend } = await setup();
    expect(await previewableTrashedId(ws.actors.viewer, { id: record.id })).toBeNull();
    expect(await trashedRecordNotice(ws.actors.viewer, { id: record.id })).toMatchObject({
      name: "Gone lead",
      entity: { slug: "leads" },
    });
    const notice = await trashedRecordNotice(ws.actors.viewer, { id: record.id });
    expect(notice?.deletedBy).toEqual(expect.any(String));
    // A live record is not "in the trash".
    expect(await trashedRecordNotice(ws.actors.viewer, { id: liveFriend.id })).toBeNull();
  });

  it("tells another workspace nothing: the id is unknown there", async () => {
    const { other, record } = await setup();
    expect(await trashedRecordNotice(other.actors.owner, { id: record.id })).toBeNull();
  });
});
