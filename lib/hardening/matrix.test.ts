import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { HTTP_STATUS, type ErrorCode } from "@/lib/errors";
import { withTestDatabase } from "@/test/db";
import { buildWorld, callerOf, itemOf, snapshot, WHO, type World } from "@/test/doors";

// The authorization matrix: every door (test/door-rows.ts) × every kind of caller. Only the
// session is mocked — what next-auth decodes from the cookie; the membership re-read, the
// permission, the domain and the database are real.
vi.mock("@/lib/auth/session-token", () => ({
  readSessionToken: async () => (globalThis as { __testSession?: unknown }).__testSession ?? null,
}));
const { DOOR_ROWS } = await import("@/test/door-rows");

withTestDatabase();

/** Ids of our workspace's items: a caller from another workspace must never see one. */
const ourIds = (w: World) => [...Object.values(w.live), ...Object.values(w.trashed), ...Object.values(w.segment)];

const CASES = DOOR_ROWS.flatMap((row) => WHO.map((who) => ({ door: row.door, who, outcome: row.expect[who], row })));

describe(`authorization matrix: ${DOOR_ROWS.length} doors × ${WHO.length} callers = ${CASES.length} cases`, () => {
  it.each(CASES)("$door as $who → $outcome", async ({ row, who, outcome }) => {
    const w = await buildWorld();
    const before = await snapshot(w);
    const answer = await row.send(row.input(w, itemOf(who)), callerOf(w, who));
    const after = await snapshot(w);
    const body = JSON.stringify(answer.data ?? null);

    if (outcome === "ok" || outcome === "elsewhere" || outcome === "noop") {
      expect(answer, JSON.stringify(answer)).toMatchObject({ status: 200 });
      const data = answer.data as { failed?: unknown[] } | undefined;
      if (data && Array.isArray(data.failed)) expect(data.failed).toEqual([]);
      if (outcome === "ok" && row.mutates) expect(after).not.toEqual(before);
      else expect(after).toEqual(before);
      if (who === "otherOwner") for (const id of ourIds(w)) expect(body).not.toContain(id);
      return;
    }
    if (outcome.startsWith("item:")) {
      expect(answer.status).toBe(200);
      expect((answer.data as { succeeded: unknown[] }).succeeded).toEqual([]);
      expect((answer.data as { failed: { code: string }[] }).failed.map((f) => f.code)).toEqual([outcome.slice(5)]);
    } else {
      expect(answer).toMatchObject({
        status: HTTP_STATUS[outcome as ErrorCode],
        code: outcome,
        message: expect.any(String),
      });
    }
    // A refused call changed nothing.
    expect(after).toEqual(before);
  });
});

describe("identity: a user demoted or removed while signed in is refused on their next mutation", () => {
  // Doors a VIEWER may use too (their own account, a read-only key) are not refused by a demotion.
  const allowedForAdmin = DOOR_ROWS.filter(
    (row) => row.mutates && row.expect.admin === "ok" && row.expect.viewer !== "ok",
  );

  it.each(allowedForAdmin.map((row) => ({ door: row.door, row })))(
    "$door: an ADMIN demoted to VIEWER mid-session → FORBIDDEN; removed → UNAUTHORIZED; nothing changes",
    async ({ row }) => {
      const w = await buildWorld();
      const admin = w.ws.actors.admin;
      const where = { workspaceId_userId: { workspaceId: w.ws.id, userId: admin.userId } };
      const before = await snapshot(w);
      // The session (token) still says ADMIN; the membership row is what counts.
      await db().membership.update({ where, data: { role: "VIEWER" } });
      expect(await row.send(row.input(w, "own"), admin)).toMatchObject({ status: 403, code: "FORBIDDEN" });
      await db().membership.delete({ where });
      expect(await row.send(row.input(w, "own"), admin)).toMatchObject({ status: 401, code: "UNAUTHORIZED" });
      type People = { memberships: number; people: { userId: string }[] };
      const after = JSON.parse(await snapshot(w)) as People;
      const was = JSON.parse(before) as People;
      expect({ ...after, memberships: after.memberships + 1 }).toEqual({
        ...was,
        people: was.people.filter((p) => p.userId !== admin.userId),
      });
    },
  );
});
