import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { softDeleteRecords } from "@/lib/trash/delete";
import { withTestDatabase } from "@/test/db";
import { makeRecords, makeWorkspace, NOW, viaSchema } from "@/test/fixtures";
import { createSegment } from "./create";
import { getSegment, listSegments } from "./list";
import { listSegmentMembers as listSegmentMembersTyped } from "./members";
import { segmentMembersSchema } from "./schemas";

const listSegmentMembers = viaSchema(segmentMembersSchema, listSegmentMembersTyped);

withTestDatabase();
const qualified = { conditions: [{ field: "status", op: "equals" as const, value: "Qualified" }] };

describe("segment list and members", () => {
  it("pages a segment's live members newest first, 50 at a time, forward and back", async () => {
    const ws = await makeWorkspace();
    const rows = await makeRecords(ws, 120, { attributes: { status: "Qualified" } });
    await makeRecords(ws, 5, { attributes: { status: "New" } });
    const { segmentId } = await createSegment(ws.actors.member, { name: "Q", entity: "leads", filter: qualified }, NOW);
    await softDeleteRecords(ws.actors.member, { ids: [rows[119]!.id] }, NOW);

    const newestFirst = rows
      .slice(0, 119)
      .reverse()
      .map((r) => r.id);
    const p1 = await listSegmentMembers(ws.actors.viewer, { id: segmentId });
    expect(p1.totalCount).toBe(119);
    expect(p1.items.map((r) => r.id)).toEqual(newestFirst.slice(0, 50));
    expect(p1.prevCursor).toBeNull();
    const p2 = await listSegmentMembers(ws.actors.viewer, { id: segmentId, cursor: p1.nextCursor! });
    expect(p2.items.map((r) => r.id)).toEqual(newestFirst.slice(50, 100));
    const p3 = await listSegmentMembers(ws.actors.viewer, { id: segmentId, cursor: p2.nextCursor! });
    expect(p3.items.map((r) => r.id)).toEqual(newestFirst.slice(100));
    expect(p3.nextCursor).toBeNull();
    const back = await listSegmentMembers(ws.actors.viewer, {
      id: segmentId,
      cursor: p3.prevCursor!,
      direction: "prev",
    });
    expect(back.items.map((r) => r.id)).toEqual(newestFirst.slice(50, 100));
  });

  it("answers NOT_FOUND for another workspace's segment, for its page and its members alike", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    await makeRecords(other, 1, { entityId: other.entities.leads, attributes: { status: "Qualified" } });
    const { segmentId } = await createSegment(
      other.actors.member,
      { name: "Theirs", entity: other.entities.leads, filter: qualified },
      NOW,
    );
    await expect(getSegment(ws.actors.owner, { id: segmentId })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Segment not found.",
    });
    await expect(listSegmentMembers(ws.actors.owner, { id: segmentId })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Segment not found.",
    });
    expect(await listSegments(ws.actors.owner)).toEqual([]);
  });

  it("tells each caller whether they may delete each segment, by the same rule the delete enforces", async () => {
    const ws = await makeWorkspace();
    await makeRecords(ws, 2, { attributes: { status: "Qualified" } });
    const { segmentId } = await createSegment(
      ws.actors.member,
      { name: "Mine", entity: "leads", filter: qualified },
      NOW,
    );
    await db().automation.create({
      data: { workspaceId: ws.id, name: "Welcome", trigger: "SEGMENT_ENTERED", segmentId },
    });
    const canDelete = async (who: keyof typeof ws.actors) => (await listSegments(ws.actors[who]))[0]!.canDelete;
    expect({
      viewer: await canDelete("viewer"),
      member: await canDelete("member"),
      member2: await canDelete("member2"),
      admin: await canDelete("admin"),
      owner: await canDelete("owner"),
    }).toEqual({ viewer: false, member: true, member2: false, admin: false, owner: true });
    expect(await getSegment(ws.actors.viewer, { id: segmentId })).toMatchObject({
      name: "Mine",
      memberCount: 2,
      entity: { slug: "leads" },
      filter: qualified,
      createdBy: { id: ws.actors.member.userId },
      automations: [{ name: "Welcome", status: "ACTIVE" }],
    });
  });
});
