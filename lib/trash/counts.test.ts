import { describe, expect, it } from "vitest";
import { softDeleteRecords } from "@/lib/trash/delete";
import { setHold } from "@/lib/trash/hold";
import { countStatements, withTestDatabase } from "@/test/db";
import { makeRecord, makeWorkspace, NOW } from "@/test/fixtures";
import { inTimeZone } from "@/test/time-zone";
import { trashCounts } from "./counts";
import { EXPIRING_SOON_FILTER } from "./expiring";
import { listTrash } from "./list";
import { listTrashSchema } from "./schemas";

withTestDatabase();
const H = 3_600_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe("trashCounts: the sidebar's count and the purge notice's, in one statement", () => {
  it("gives each caller what their trash page lists by default and what the notice's filter lists, far from UTC too", async () => {
    inTimeZone("Pacific/Auckland");
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const records = await Promise.all(Array.from({ length: 6 }, () => makeRecord(ws)));
    const [soon, soonToo, held, later, justOutside, someoneElses] = records.map((r) => r.id) as string[];
    // 14 days' retention: deleted 13 days 2 hours ago is purged within 24 hours; 12 days 23 hours ago is not.
    await softDeleteRecords(ws.actors.member, { ids: [soon!, soonToo!, held!] }, ago(13 * 24 * H + 2 * H));
    await softDeleteRecords(ws.actors.member, { ids: [later!] }, ago(12 * 24 * H));
    await softDeleteRecords(ws.actors.member, { ids: [justOutside!] }, ago(13 * 24 * H - H));
    await softDeleteRecords(ws.actors.admin, { ids: [someoneElses!] }, ago(13 * 24 * H + 2 * H));
    await softDeleteRecords(
      other.actors.owner,
      { ids: [(await makeRecord(other, { entityId: other.entities.leads })).id] },
      ago(13 * 24 * H + 2 * H),
    );
    await setHold(ws.actors.admin, { id: held!, hold: true }, NOW);

    const listed = async (actor: typeof ws.actors.member, filter: object) =>
      (await listTrash(actor, listTrashSchema.parse(filter), NOW)).totalCount;
    for (const actor of [ws.actors.member, ws.actors.admin, ws.actors.owner, ws.actors.viewer]) {
      const counts = await trashCounts(actor, NOW);
      expect(counts).toEqual({
        total: await listed(actor, {}),
        expiringSoon: await listed(actor, { ...EXPIRING_SOON_FILTER, expiringWithinHours: "24" }),
      });
    }
    expect(await trashCounts(ws.actors.member, NOW)).toEqual({ total: 5, expiringSoon: 2 });
    expect(await trashCounts(ws.actors.admin, NOW)).toEqual({ total: 6, expiringSoon: 1 });
    expect(await trashCounts(ws.actors.viewer, NOW)).toEqual({ total: 0, expiringSoon: 0 });
    expect(await trashCounts(other.actors.owner, NOW)).toEqual({ total: 1, expiringSoon: 1 });
    // An hour later the one deleted 12 days 23 hours ago is within the day as well.
    expect(await trashCounts(ws.actors.member, new Date(NOW.getTime() + H + 1))).toEqual({ total: 5, expiringSoon: 3 });
  });

  it("reads both figures in one statement, after the workspace's retention: two statements in all", async () => {
    const ws = await makeWorkspace();
    const actor = ws.actors.member;
    await trashCounts(actor, NOW);
    // The workspace's retention is read once per request by the page (React's cache); a test has no request.
    expect(await countStatements(() => trashCounts(actor, NOW))).toBe(2);
  });
});
