import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { softDeleteRecords } from "@/lib/trash/delete";
import { withTestDatabase } from "@/test/db";
import { makeRecord, makeRecords, makeWorkspace, NOW, viaSchema } from "@/test/fixtures";
import { selectionFilterSchema } from "./schemas";
import { applySelectionChunk, createSelection } from "./selection";

withTestDatabase();
const later = (ms: number) => new Date(NOW.getTime() + ms);

async function runAll(
  actor: Parameters<typeof applySelectionChunk>[0],
  token: string,
  count: number,
  chunks: number,
  action: "delete" | "restore" | "destroy",
) {
  const results = [];
  for (let chunk = 0; chunk < chunks; chunk++)
    results.push(await applySelectionChunk(actor, { token, confirmCount: count, action, chunk }, NOW));
  return results;
}

describe("select all matching: a confirmed snapshot", () => {
  it("works through 2,500 matching records in chunks of 1000, one audit entry per chunk", async () => {
    const ws = await makeWorkspace();
    await makeRecords(ws, 2500, { name: "Match" });
    await makeRecords(ws, 5, { name: "Other" });
    const selection = await createSelection(ws.actors.member, { scope: "records", entity: "leads", q: "match" }, NOW);
    expect(selection).toMatchObject({ count: 2500, chunks: 3 });

    const results = await runAll(ws.actors.member, selection.token, 2500, 3, "delete");
    expect(results.map((r) => r.succeeded.length)).toEqual([1000, 1000, 500]);
    expect(await db().record.count({ where: { deletedAt: { not: null } } })).toBe(2500);
    expect(await db().record.count({ where: { name: "Other", deletedAt: null } })).toBe(5);
    const audit = await db().auditLog.findMany({ where: { action: "records.delete" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => [e.count, (e.details as { chunk: string }).chunk])).toEqual([
      [1000, "1/3"],
      [1000, "2/3"],
      [500, "3/3"],
    ]);

    // And back, from the trash, the same way.
    const trash = await createSelection(ws.actors.member, { scope: "trash", filter: { entity: "leads" } }, NOW);
    expect(trash.count).toBe(2500);
    const restored = await runAll(ws.actors.member, trash.token, 2500, 3, "restore");
    expect(restored.reduce((n, r) => n + r.succeeded.length, 0)).toBe(2500);
    expect(await db().record.count({ where: { deletedAt: null } })).toBe(2505);
  });

  it("never touches a record that started matching after the snapshot was taken", async () => {
    const ws = await makeWorkspace();
    await makeRecords(ws, 3, { name: "Acme lead" });
    const selection = await createSelection(ws.actors.member, { scope: "records", entity: "leads", q: "acme" }, NOW);
    const latecomer = await makeRecord(ws, { name: "Acme latecomer" });
    await runAll(ws.actors.member, selection.token, 3, 1, "delete");
    expect((await db().record.findUniqueOrThrow({ where: { id: latecomer.id } })).deletedAt).toBeNull();
    expect(await db().record.count({ where: { deletedAt: { not: null } } })).toBe(3);
  });

  it("never reaches another workspace's rows, whatever the filter", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    await makeRecords(ws, 2, { name: "Shared name" });
    await makeRecords(other, 2, { name: "Shared name", entityId: other.entities.leads });
    const selection = await createSelection(ws.actors.admin, { scope: "records", entity: "leads", q: "Shared" }, NOW);
    expect(selection.count).toBe(2);
    await runAll(ws.actors.admin, selection.token, 2, 1, "delete");
    expect(await db().record.count({ where: { workspaceId: other.id, deletedAt: null } })).toBe(2);
    // Naming the other workspace's entity by id answers not found.
    await expect(
      createSelection(ws.actors.admin, { scope: "records", entity: other.entities.leads }, NOW),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a wrong confirmation count, someone else's or an expired token, and a VIEWER; nothing changes", async () => {
    const ws = await makeWorkspace();
    await makeRecords(ws, 4);
    await expect(createSelection(ws.actors.viewer, { scope: "records", entity: "leads" }, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const select = viaSchema(selectionFilterSchema, createSelection);
    await expect(select(ws.actors.member, { scope: "records", entity: "" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(select(ws.actors.member, { scope: "everything" } as never)).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(
      createSelection(ws.actors.member, { scope: "records", entity: "leads", q: "no such" }, NOW),
    ).rejects.toMatchObject({ code: "VALIDATION", message: "Nothing matches this filter." });

    const { token } = await createSelection(ws.actors.member, { scope: "records", entity: "leads" }, NOW);
    await expect(
      applySelectionChunk(ws.actors.member, { token, confirmCount: 3, action: "delete", chunk: 0 }, NOW),
    ).rejects.toMatchObject({ code: "VALIDATION", field: "confirmCount" });
    await expect(
      applySelectionChunk(ws.actors.member, { token, confirmCount: 4, action: "destroy", chunk: 0 }, NOW),
    ).rejects.toMatchObject({ code: "VALIDATION", field: "action" });
    await expect(
      applySelectionChunk(ws.actors.member2, { token, confirmCount: 4, action: "delete", chunk: 0 }, NOW),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      applySelectionChunk(ws.actors.member, { token, confirmCount: 4, action: "delete", chunk: 0 }, later(31 * 60_000)),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      applySelectionChunk(ws.actors.member, { token, confirmCount: 4, action: "delete", chunk: 1 }, NOW),
    ).rejects.toMatchObject({ code: "VALIDATION", field: "chunk" });
    expect(await db().record.count({ where: { deletedAt: { not: null } } })).toBe(0);
  });

  it("a whole-filter move to the trash runs the on-delete automations unless an ADMIN chooses not to", async () => {
    const ws = await makeWorkspace();
    await makeRecords(ws, 4, { name: "Auto" });
    await db().automation.create({
      data: { workspaceId: ws.id, name: "On delete", trigger: "RECORD_DELETED", entityId: ws.entities.leads },
    });
    const chunk = (actor: typeof ws.actors.admin, token: string, runAutomations?: boolean) =>
      applySelectionChunk(actor, { token, confirmCount: 2, action: "delete", chunk: 0, runAutomations }, NOW);
    const first = await makeRecords(ws, 2, { name: "Skip me" });
    const skipSelection = await createSelection(
      ws.actors.member,
      { scope: "records", entity: "leads", q: "skip" },
      NOW,
    );
    // A MEMBER may not skip them: refused before anything moves.
    await expect(chunk(ws.actors.member, skipSelection.token, false)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().record.count({ where: { id: { in: first.map((r) => r.id) }, deletedAt: { not: null } } })).toBe(
      0,
    );
    const adminSkip = await createSelection(ws.actors.admin, { scope: "records", entity: "leads", q: "skip" }, NOW);
    expect((await chunk(ws.actors.admin, adminSkip.token, false)).succeeded).toHaveLength(2);
    expect(await db().automationRun.count()).toBe(0);
    // By default they run, once per record.
    await makeRecords(ws, 2, { name: "Run me" });
    const run = await createSelection(ws.actors.admin, { scope: "records", entity: "leads", q: "run" }, NOW);
    expect((await chunk(ws.actors.admin, run.token)).succeeded).toHaveLength(2);
    expect(await db().automationRun.count()).toBe(2);
  });

  it("names each record that failed, so the summary is not a list of ids", async () => {
    const ws = await makeWorkspace();
    const rows = await makeRecords(ws, 3, { name: "Gone" });
    await softDeleteRecords(ws.actors.admin, { ids: rows.map((r) => r.id) }, NOW);
    const trash = await createSelection(ws.actors.admin, { scope: "trash", filter: { entity: "leads" } }, NOW);
    // Someone restores one of them before the run reaches it.
    await db().record.update({ where: { id: rows[1]!.id }, data: { deletedAt: null } });
    const [result] = await runAll(ws.actors.admin, trash.token, 3, 1, "restore");
    expect(result!.failed).toEqual([expect.objectContaining({ id: rows[1]!.id, name: rows[1]!.name })]);
  });

  it("keeps a MEMBER's trash selection to what they deleted", async () => {
    const ws = await makeWorkspace();
    const rows = await makeRecords(ws, 4);
    await softDeleteRecords(ws.actors.member, { ids: rows.slice(0, 2).map((r) => r.id) }, NOW);
    await softDeleteRecords(ws.actors.member2, { ids: rows.slice(2).map((r) => r.id) }, NOW);
    expect((await createSelection(ws.actors.member, { scope: "trash", filter: {} }, NOW)).count).toBe(2);
    await expect(
      createSelection(ws.actors.member, { scope: "trash", filter: { scope: "all" } }, NOW),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await createSelection(ws.actors.admin, { scope: "trash", filter: { scope: "all" } }, NOW)).count).toBe(4);
  });
});
