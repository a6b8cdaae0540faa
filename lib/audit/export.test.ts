import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { restoreRecords } from "@/lib/trash/restore";
import { softDeleteRecords } from "@/lib/trash/delete";
import { countStatements, withTestDatabase } from "@/test/db";
import { asDoor, makeRecord, makeWorkspace, NOW, viaSchema } from "@/test/fixtures";
import { createApiKey } from "@/lib/api-keys/manage";
import { exportAuditLog } from "./export";
import { listRecordHistory } from "./history";
import { listAuditLog as listAuditLogTyped } from "./list";
import { auditFilterSchema, listAuditSchema } from "./schemas";

const listAuditLog = viaSchema(listAuditSchema, listAuditLogTyped);
const H = 3_600_000;

withTestDatabase();

async function setup() {
  const ws = await makeWorkspace();
  const other = await makeWorkspace("Other");
  const a = await makeRecord(ws, { name: "A" });
  const b = await makeRecord(ws, { name: "B" });
  const foreign = await makeRecord(other, { entityId: other.entities.leads });
  await softDeleteRecords(ws.actors.member, { ids: [a.id] }, new Date("2026-11-20T10:00:00Z"));
  await restoreRecords(ws.actors.admin, { ids: [a.id] }, new Date("2026-11-21T10:00:00Z"));
  const key = await createApiKey(ws.actors.admin, { name: "Sync" }, NOW);
  await softDeleteRecords(
    { ...asDoor(ws.actors.admin, "API"), apiKeyId: key.id },
    { ids: [a.id, b.id] },
    new Date("2026-11-22T10:00:00Z"),
  );
  await softDeleteRecords(other.actors.owner, { ids: [foreign.id] }, NOW);
  // Entries carry the clock of the call, as the domain writes them.
  return { ws, other, a, b, foreign };
}

describe("audit log filters", () => {
  it("filter by actor, action prefix, door and an inclusive day range, and combine", async () => {
    const { ws } = await setup();
    const actions = async (q: Parameters<typeof listAuditLog>[1]) =>
      (await listAuditLog(ws.actors.viewer, q)).items.map((e) => `${e.action}/${e.door}`);
    expect(await actions({ actor: ws.actors.member.userId })).toEqual(["records.delete/UI"]);
    expect(await actions({ actor: ws.actors.admin.userId, action: "records.delete" })).toEqual(["records.delete/API"]);
    expect(await actions({ door: "API" })).toEqual(["records.delete/API"]);
    expect(await actions({ action: "records.restore" })).toEqual(["records.restore/UI"]);
    const all = (await listAuditLog(ws.actors.viewer, {})).items;
    const day = all.find((e) => e.action === "records.restore")!.createdAt.slice(0, 10);
    expect(
      (await listAuditLog(ws.actors.viewer, { from: day, to: day })).items.every((e) => e.createdAt.startsWith(day)),
    ).toBe(true);
    expect(await actions({ door: "JOB" })).toEqual([]);
  });

  it("refuses a bad door or day as VALIDATION, and shows nothing of another workspace", async () => {
    const { ws, other } = await setup();
    await expect(listAuditLog(ws.actors.viewer, { door: "SHELL" as "UI" })).rejects.toMatchObject({
      code: "VALIDATION",
      field: "door",
    });
    await expect(listAuditLog(ws.actors.viewer, { from: "yesterday" })).rejects.toMatchObject({
      code: "VALIDATION",
      field: "from",
    });
    expect((await listAuditLog(other.actors.owner, { actor: ws.actors.member.userId })).items).toEqual([]);
  });
});

describe("a record's own history", () => {
  it("lists the entries that name the record, oldest first, in the caller's workspace only", async () => {
    const { ws, other, a, b, foreign } = await setup();
    const history = await listRecordHistory(ws.actors.viewer, { id: a.id });
    expect(history.map((e) => [e.action, e.actor?.name])).toEqual([
      ["records.delete", ws.actors.member.name],
      ["records.restore", ws.actors.admin.name],
      ["records.delete", ws.actors.admin.name],
    ]);
    expect((await listRecordHistory(ws.actors.viewer, { id: b.id })).map((e) => e.action)).toEqual(["records.delete"]);
    // Each entry as the audit log lists it (its people, its door, its key), read in one statement.
    const log = await listAuditLog(ws.actors.viewer, {});
    expect(history).toEqual(log.items.filter((e) => e.targetIds.includes(a.id)).reverse());
    expect(history[2]).toMatchObject({ door: "API", apiKey: { name: "Sync" }, details: {} });
    expect(await countStatements(() => listRecordHistory(ws.actors.viewer, { id: a.id }))).toBe(1);
    expect(await listRecordHistory(other.actors.owner, { id: a.id })).toEqual([]);
    expect(await listRecordHistory(ws.actors.owner, { id: foreign.id })).toEqual([]);
  });
});

describe("audit CSV export", () => {
  it("streams the filtered view as rows with a header, page after page", async () => {
    const { ws } = await setup();
    await db().auditLog.createMany({
      data: Array.from({ length: 450 }, (_, i) => ({
        workspaceId: ws.id,
        door: "JOB" as const,
        action: "records.purge",
        targetIds: [`r${i}`],
        count: 1,
        createdAt: new Date(NOW.getTime() - i * H),
      })),
    });
    const table = await exportAuditLog(ws.actors.viewer, auditFilterSchema.parse({ door: "JOB" }), NOW);
    const rows: unknown[][] = [];
    for await (const row of table.rows) rows.push(row);
    expect(rows).toHaveLength(450);
    expect(new Set(rows.map((r) => r[7])).size).toBe(450);
    expect(table.columns[0]).toBe("createdAt");
    expect(parse(`${table.columns.join(",")}\n`, { columns: true })).toEqual([]);
  });

  it("writes one row per record an entry names, with its name and the details as columns, not JSON", async () => {
    const { ws, a, b } = await setup();
    const table = await exportAuditLog(ws.actors.viewer, auditFilterSchema.parse({ door: "API" }), NOW);
    const rows: unknown[][] = [];
    for await (const row of table.rows) rows.push(row);
    const at = (row: unknown[], column: string) => row[table.columns.indexOf(column)];
    expect(rows.map((r) => [at(r, "recordId"), at(r, "recordName"), at(r, "entryCount")])).toEqual([
      [a.id, "A", 2],
      [b.id, "B", 2],
    ]);
    const entry = await db().auditLog.findFirstOrThrow({ where: { door: "API" } });
    for (const row of rows) {
      expect(at(row, "batchId")).toBe((entry.details as { batchId: string }).batchId);
      expect(String(at(row, "otherDetails")).split("; ").sort()).toEqual([
        "automationRuns: 0",
        "failed: 0",
        "workflows: true",
      ]);
      expect(JSON.stringify(row)).not.toContain("{");
    }
    // An entry that names no record is one row, its details in their columns.
    await db().auditLog.create({
      data: {
        workspaceId: ws.id,
        actorId: ws.actors.owner.userId,
        door: "UI",
        action: "workspace.retention",
        targetIds: [],
        count: 0,
        details: { from: 14, to: 7 },
        createdAt: NOW,
      },
    });
    const settings = await exportAuditLog(ws.actors.viewer, auditFilterSchema.parse({ action: "workspace" }), NOW);
    const only: unknown[][] = [];
    for await (const row of settings.rows) only.push(row);
    expect(only.map((r) => [at(r, "recordId"), at(r, "from"), at(r, "to"), at(r, "otherDetails")])).toEqual([
      ["", "14", "7", ""],
    ]);
  });

  it("gives another workspace's owner only their own entries", async () => {
    const { ws, other } = await setup();
    const table = await exportAuditLog(other.actors.owner, {}, NOW);
    const rows: unknown[][] = [];
    for await (const row of table.rows) rows.push(row);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(ws.actors.member.email);
  });
});
