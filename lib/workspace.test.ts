import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTestDatabase } from "@/test/db";
import { makeRecord, makeWorkspace, NOW, viaSchema } from "@/test/fixtures";
import { retentionImpact, retentionSchema, updateRetention } from "./workspace";

withTestDatabase();

describe("retention setting", () => {
  it("is changed by the OWNER only, within 1..365 days, and audited", async () => {
    const ws = await makeWorkspace();
    await expect(updateRetention(ws.actors.admin, { retentionDays: 30 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const update = viaSchema(retentionSchema, updateRetention);
    await expect(update(ws.actors.owner, { retentionDays: 0 })).rejects.toMatchObject({
      code: "VALIDATION",
      field: "retentionDays",
    });
    await expect(update(ws.actors.owner, { retentionDays: 400 })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(update(ws.actors.owner, { retentionDays: "abc" })).rejects.toMatchObject({ code: "VALIDATION" });
    expect((await db().workspace.findUniqueOrThrow({ where: { id: ws.id } })).retentionDays).toBe(14);

    expect(await updateRetention(ws.actors.owner, { retentionDays: 30 })).toEqual({ retentionDays: 30 });
    expect((await db().workspace.findUniqueOrThrow({ where: { id: ws.id } })).retentionDays).toBe(30);
    expect((await db().auditLog.findFirstOrThrow({ where: { action: "workspace.retention" } })).details).toEqual({
      from: 14,
      to: 30,
    });
  });

  it("says before a shorter retention is saved what it makes due now and within a day, holds kept apart", async () => {
    const ws = await makeWorkspace();
    const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
    for (const [days, held] of [
      [10, false],
      [8, false],
      [6.5, false],
      [3, false],
      [9, true],
    ] as const) {
      const r = await makeRecord(ws, { name: `Deleted ${days} days ago` });
      await db().record.update({
        where: { id: r.id },
        data: { deletedAt: daysAgo(days), heldAt: held ? NOW : null, heldById: held ? ws.actors.admin.userId : null },
      });
    }
    await makeRecord(ws, { name: "Live" });
    // To 7 days: deleted 10 and 8 days ago are due now, 6.5 days ago within 24 h; the held one stays.
    expect(await retentionImpact(ws.actors.owner, { retentionDays: 7 }, NOW)).toEqual({
      current: 14,
      retentionDays: 7,
      dueNow: 2,
      dueWithin24h: 1,
      heldKept: 1,
    });
    await expect(retentionImpact(ws.actors.admin, { retentionDays: 7 }, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // Asking changes nothing.
    expect((await db().workspace.findUniqueOrThrow({ where: { id: ws.id } })).retentionDays).toBe(14);
  });
});
