import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTestDatabase } from "@/test/db";
import { createApiKey } from "@/lib/api-keys/manage";
import { softDeleteRecords } from "@/lib/trash/delete";
import { destroyRecords } from "@/lib/purge/destroy";
import { makeRecord, makeWorkspace, NOW, viaSchema } from "@/test/fixtures";
import { listAuditLog as listAuditLogTyped } from "./list";
import { listAuditSchema } from "./schemas";

const listAuditLog = viaSchema(listAuditSchema, listAuditLogTyped);

withTestDatabase();

describe("the audit log", () => {
  it("pages newest first without skipping entries that share a timestamp, and shows only the caller's workspace", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const entry = (workspaceId: string, i: number) => ({
      workspaceId,
      door: "UI" as const,
      action: "records.delete",
      targetIds: [`r${i}`],
      count: 1,
      createdAt: new Date(NOW.getTime() - Math.floor(i / 3) * 1000),
    });
    await db().auditLog.createMany({ data: Array.from({ length: 7 }, (_, i) => entry(ws.id, i)) });
    await db().auditLog.createMany({ data: [entry(other.id, 0)] });

    const seen: string[] = [];
    let cursor: string | undefined;
    let last;
    do {
      last = await listAuditLog(ws.actors.viewer, { cursor, limit: 2 });
      seen.push(...last.items.map((e) => e.targetIds[0]!));
      cursor = last.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(["r0", "r1", "r2", "r3", "r4", "r5", "r6"]);

    // And back again, newer page by newer page, to the first.
    const back: string[] = [];
    let prev = last.prevCursor;
    while (prev) {
      const page = await listAuditLog(ws.actors.viewer, { cursor: prev, direction: "prev", limit: 2 });
      back.unshift(...page.items.map((e) => e.targetIds[0]!));
      prev = page.prevCursor;
    }
    expect([...back, ...last.items.map((e) => e.targetIds[0]!)].sort()).toEqual(seen.sort());
  });

  it("names the API key a change came through", async () => {
    const ws = await makeWorkspace();
    const key = await createApiKey(ws.actors.member, { name: "Zapier" }, NOW);
    const record = await makeRecord(ws);
    await softDeleteRecords({ ...ws.actors.member, door: "API", apiKeyId: key.id }, { ids: [record.id] }, NOW);
    const entry = (await listAuditLog(ws.actors.viewer, {})).items.find((e) => e.action === "records.delete");
    expect(entry).toMatchObject({
      door: "API",
      apiKey: { name: "Zapier", keyId: key.apiKey },
      actor: { email: ws.actors.member.email },
    });
  });
});

describe("searching the audit log by record (issue 27)", () => {
  it("finds every record of a delete batch by name or id, a purged one too, and nothing of another workspace", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const records = [];
    for (let i = 0; i < 25; i++) records.push(await makeRecord(ws, { name: `Batch person ${i} Zed` }));
    await softDeleteRecords(ws.actors.member, { ids: records.map((r) => r.id) }, NOW);
    await softDeleteRecords(
      other.actors.owner,
      { ids: [(await makeRecord(other, { entityId: other.entities.leads, name: "Batch person 24 Zed" })).id] },
      NOW,
    );
    // The 25th name: beyond the 20 the entry used to keep.
    const byName = await listAuditLog(ws.actors.viewer, { q: "person 24 zed" });
    expect(byName.items.map((e) => e.action)).toEqual(["records.delete"]);
    expect(byName.items[0]!.targetIds).toContain(records[24]!.id);
    expect((await listAuditLog(ws.actors.viewer, { q: records[7]!.id })).items).toHaveLength(1);
    await destroyRecords(ws.actors.admin, { ids: [records[24]!.id] }, NOW);
    expect(await db().record.count({ where: { id: records[24]!.id } })).toBe(0);
    const afterPurge = await listAuditLog(ws.actors.viewer, { q: "Batch person 24" });
    expect(afterPurge.items.map((e) => e.action).sort()).toEqual(["records.delete", "records.destroy"]);
    expect((await listAuditLog(ws.actors.viewer, { q: "nobody by this name" })).items).toHaveLength(0);
    // A LIKE wildcard is a character, not "anything".
    expect((await listAuditLog(ws.actors.viewer, { q: "%" })).items).toHaveLength(0);
  });
});
