import { describe, expect, it } from "vitest";
import { softDeleteRecords } from "@/lib/trash/delete";
import { setHold } from "@/lib/trash/hold";
import { withTestDatabase } from "@/test/db";
import { makeRecord, makeWorkspace, NOW } from "@/test/fixtures";
import { countExpiringSoon } from "./counts";
import { listTrash } from "./list";
import { listTrashSchema } from "./schemas";

withTestDatabase();
const H = 3_600_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe("the purge notice", () => {
  it("counts the caller's own deletions purged within 24 hours, not held ones, not others', as the trash filter it links to lists them", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const soon = [await makeRecord(ws), await makeRecord(ws), await makeRecord(ws)];
    const held = await makeRecord(ws);
    const later = await makeRecord(ws);
    const someoneElses = await makeRecord(ws);
    const foreign = await makeRecord(other, { entityId: other.entities.leads });
    await softDeleteRecords(ws.actors.member, { ids: [...soon.map((r) => r.id), held.id] }, ago(13 * 24 * H + 2 * H));
    await softDeleteRecords(ws.actors.member, { ids: [later.id] }, ago(12 * 24 * H));
    await softDeleteRecords(ws.actors.member2, { ids: [someoneElses.id] }, ago(13 * 24 * H + 2 * H));
    await softDeleteRecords(other.actors.owner, { ids: [foreign.id] }, ago(13 * 24 * H + 2 * H));
    await setHold(ws.actors.admin, { id: held.id, hold: true }, NOW);

    expect(await countExpiringSoon(ws.actors.member, {}, NOW)).toEqual({ count: 3 });
    const linked = await listTrash(
      ws.actors.member,
      listTrashSchema.parse({ scope: "mine", expiringWithinHours: "24" }),
      NOW,
    );
    expect(linked.items.map((r) => r.id).sort()).toEqual(soon.map((r) => r.id).sort());
    expect(await countExpiringSoon(ws.actors.member2, {}, NOW)).toEqual({ count: 1 });
    expect(await countExpiringSoon(ws.actors.admin, {}, NOW)).toEqual({ count: 0 });
    expect(await countExpiringSoon(other.actors.owner, {}, NOW)).toEqual({ count: 1 });
    // A day later the three are past their purgeAt but still there until the job runs: still "about to go".
    expect(await countExpiringSoon(ws.actors.member, {}, new Date(NOW.getTime() + 24 * H))).toEqual({ count: 4 });
  });

  it("is zero for a VIEWER, who deletes nothing", async () => {
    const ws = await makeWorkspace();
    expect(await countExpiringSoon(ws.actors.viewer, {}, NOW)).toEqual({ count: 0 });
  });
});
