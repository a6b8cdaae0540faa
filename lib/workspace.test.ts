import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTestDatabase } from "@/test/db";
import { makeWorkspace, viaSchema } from "@/test/fixtures";
import { retentionSchema, updateRetention } from "./workspace";

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
});
