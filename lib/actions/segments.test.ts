import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { createSegment } from "@/lib/segments/create";
import { deleteSegment } from "@/lib/segments/delete";
import { withTestDatabase } from "@/test/db";
import { makeRecord, makeWorkspace, NOW, type TestWorkspace } from "@/test/fixtures";

// Only the session is mocked (what next-auth would decode from the JWT); the membership
// re-read, the permission check, the domain and the database are real.
const session = vi.hoisted(() => ({
  current: null as null | { userId: string; workspaceId: string; role: string },
}));
vi.mock("@/lib/auth/session-token", () => ({ readSessionToken: async () => session.current }));

const { createSegmentAction, deleteSegmentAction } = await import("./segments");

withTestDatabase();
beforeEach(() => {
  session.current = null;
});

const qualified = { conditions: [{ field: "status", op: "equals" as const, value: "Qualified" }] };

/** Both workspaces, and a segment created by `creator` with two members and two automations. */
async function world(creator: keyof TestWorkspace["actors"]) {
  const ws = await makeWorkspace();
  const other = await makeWorkspace("Other");
  await makeRecord(ws, { attributes: { status: "Qualified" } });
  await makeRecord(ws, { attributes: { status: "Qualified" } });
  // Made by the MEMBER through the domain, then handed to the intended creator (a VIEWER cannot create).
  const { segmentId } = await createSegment(
    ws.actors.member,
    { name: "Qualified leads", entity: "leads", filter: qualified },
    NOW,
  );
  await db().segment.update({ where: { id: segmentId }, data: { createdById: ws.actors[creator].userId } });
  const automations = await db().automation.createManyAndReturn({
    data: [
      { workspaceId: ws.id, name: "Welcome", trigger: "SEGMENT_ENTERED", segmentId, entityId: ws.entities.leads },
      { workspaceId: ws.id, name: "Nurture", trigger: "SEGMENT_ENTERED", segmentId, status: "PAUSED" },
    ],
  });
  return { ws, other, segmentId, automationIds: automations.map((a) => a.id).sort() };
}

async function snapshot(segmentId: string) {
  return {
    segment: await db().segment.findUnique({
      where: { id: segmentId },
      select: { id: true, name: true, createdById: true },
    }),
    members: await db().segmentMember.count({ where: { segmentId } }),
    automations: await db().automation.findMany({
      where: { name: { in: ["Welcome", "Nurture"] } },
      orderBy: { name: "asc" },
      select: { status: true, segmentId: true, detachedAt: true },
    }),
    audit: await db().auditLog.count({ where: { action: "segments.delete" } }),
  };
}

type Who = keyof TestWorkspace["actors"] | "otherOwner";
type Outcome = "allowed" | "FORBIDDEN" | "NOT_FOUND";

/** The permission table of segment delete: who asks, who created it, what happens. */
const MATRIX: { label: string; who: Who; creator: keyof TestWorkspace["actors"]; outcome: Outcome }[] = [
  { label: "VIEWER (someone else's)", who: "viewer", creator: "member", outcome: "FORBIDDEN" },
  { label: "VIEWER (their own)", who: "viewer", creator: "viewer", outcome: "FORBIDDEN" },
  { label: "MEMBER creator", who: "member", creator: "member", outcome: "allowed" },
  { label: "MEMBER non-creator", who: "member2", creator: "member", outcome: "FORBIDDEN" },
  { label: "ADMIN non-creator", who: "admin", creator: "member", outcome: "FORBIDDEN" },
  { label: "ADMIN creator", who: "admin", creator: "admin", outcome: "allowed" },
  { label: "OWNER non-creator", who: "owner", creator: "member2", outcome: "allowed" },
  { label: "a user of another workspace (its OWNER)", who: "otherOwner", creator: "member", outcome: "NOT_FOUND" },
];

type Door = (
  w: Awaited<ReturnType<typeof world>>,
  who: Who,
) => Promise<{ ok: true; data: unknown } | { ok: false; code: string; message: string }>;

const actorOf = (w: Awaited<ReturnType<typeof world>>, who: Who): Actor =>
  who === "otherOwner" ? w.other.actors.owner : w.ws.actors[who];

const DOORS: Record<string, Door> = {
  domain: async (w, who) => {
    try {
      return { ok: true, data: await deleteSegment(actorOf(w, who), { id: w.segmentId }, NOW) };
    } catch (e) {
      const { code, message } = e as { code: string; message: string };
      return { ok: false, code, message };
    }
  },
  "server action": async (w, who) => {
    const actor = actorOf(w, who);
    session.current = { userId: actor.userId, workspaceId: actor.workspaceId, role: actor.role };
    const result = await deleteSegmentAction({ id: w.segmentId });
    return result.ok ? result : { ok: false, code: result.error.code, message: result.error.message };
  },
};

describe.each(Object.keys(DOORS))("delete segment role matrix through the %s", (door) => {
  it.each(MATRIX)("$label → $outcome", async ({ who, creator, outcome }) => {
    const w = await world(creator);
    const before = await snapshot(w.segmentId);
    const result = await DOORS[door]!(w, who);

    if (outcome === "allowed") {
      expect(result).toEqual({ ok: true, data: { segmentId: w.segmentId, detachedAutomationIds: w.automationIds } });
      const after = await snapshot(w.segmentId);
      expect(after).toMatchObject({ segment: null, members: 0, audit: 1 });
      expect(after.automations).toEqual([
        { status: "DETACHED", segmentId: null, detachedAt: expect.any(Date) },
        { status: "DETACHED", segmentId: null, detachedAt: expect.any(Date) },
      ]);
      return;
    }
    expect(result).toMatchObject({ ok: false, code: outcome });
    if (outcome === "NOT_FOUND") expect(result).toMatchObject({ message: "Segment not found." });
    // A refused call changes nothing: segment, members and automations all intact.
    expect(await snapshot(w.segmentId)).toEqual(before);
    expect(before).toMatchObject({ members: 2, audit: 0 });
  });
});

describe("segment server actions", () => {
  it("answer UNAUTHORIZED without a session and change nothing", async () => {
    const w = await world("member");
    expect(await deleteSegmentAction({ id: w.segmentId })).toMatchObject({
      ok: false,
      error: { code: "UNAUTHORIZED" },
    });
    expect(await createSegmentAction({ name: "X", entity: "leads", filter: qualified })).toMatchObject({
      ok: false,
      error: { code: "UNAUTHORIZED" },
    });
    expect(await db().segment.count()).toBe(1);
  });

  it("re-read the role: a member demoted to VIEWER can no longer delete their own segment", async () => {
    const w = await world("member");
    const before = await snapshot(w.segmentId);
    session.current = { userId: w.ws.actors.member.userId, workspaceId: w.ws.id, role: "MEMBER" };
    await db().membership.update({
      where: { workspaceId_userId: { workspaceId: w.ws.id, userId: w.ws.actors.member.userId } },
      data: { role: "VIEWER" },
    });
    expect(await deleteSegmentAction({ id: w.segmentId })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await snapshot(w.segmentId)).toEqual(before);
  });

  it("create a segment for a MEMBER and refuse a VIEWER", async () => {
    const ws = await makeWorkspace();
    await makeRecord(ws, { attributes: { status: "Qualified" } });
    session.current = { userId: ws.actors.viewer.userId, workspaceId: ws.id, role: "VIEWER" };
    expect(await createSegmentAction({ name: "Q", entity: "leads", filter: qualified })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect(await db().segment.count()).toBe(0);

    session.current = { userId: ws.actors.member.userId, workspaceId: ws.id, role: "MEMBER" };
    expect(await createSegmentAction({ name: "Q", entity: "leads", filter: qualified })).toEqual({
      ok: true,
      data: { segmentId: expect.any(String), memberCount: 1 },
    });
    expect(await createSegmentAction({ name: "Q", entity: "leads", filter: { conditions: [] } })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", field: "filter.conditions" },
    });
    expect(
      await createSegmentAction({
        name: "Q",
        entity: "leads",
        filter: { conditions: [{ field: "1st", op: "equals", value: "x" }] },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", field: "filter.conditions.0.field" },
    });
    expect(await db().segment.count()).toBe(1);
  });
});
