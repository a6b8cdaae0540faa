import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { softDeleteRecords } from "@/lib/trash/delete";
import { exportTrash } from "@/lib/export/trash";
import { parseInput } from "@/lib/validation";
import { withTestDatabase } from "@/test/db";
import { makeRecord, makeRecords, makeWorkspace, NOW, relate } from "@/test/fixtures";
import { exportRecord, type RecordExport } from "./record-json";
import { exportRecords } from "./records";
import { trashExportSchema } from "./schemas";

withTestDatabase();

const collect = async (rows: AsyncIterable<unknown[]>) => {
  const out: unknown[][] = [];
  for await (const row of rows) out.push(row);
  return out;
};

describe("records view CSV: the same entity and search as the list, every row, every attribute", () => {
  it("streams every live record of the view across pages, newest first, without trashed ones or other entities", async () => {
    const ws = await makeWorkspace();
    const leads = await makeRecords(ws, 430, { attributes: { status: "New", score: { a: 1 } } });
    await makeRecord(ws, { entityId: ws.entities.contacts, name: "A contact", attributes: { city: "Oslo" } });
    await softDeleteRecords(ws.actors.member, { ids: [leads[0]!.id] }, NOW);

    const table = await exportRecords(ws.actors.viewer, { entity: "leads" }, NOW);
    expect(table.name).toBe(`leads-${NOW.toISOString().slice(0, 10)}`);
    expect(table.columns).toEqual(
      expect.arrayContaining(["id", "recordNumber", "name", "entity", "createdAt", "status", "score"]),
    );
    expect(table.columns).not.toContain("city");
    const rows = await collect(table.rows);
    expect(rows).toHaveLength(429);
    expect(rows[0]![2]).toBe("Bulk 00429");
    expect(rows[0]![table.columns.indexOf("score")]).toBe('{"a":1}');

    const searched = await collect(
      (await exportRecords(ws.actors.viewer, { entity: "leads", q: "Bulk 0001" }, NOW)).rows,
    );
    expect(searched.map((r) => r[2]).sort()).toEqual(
      leads
        .filter((r) => r.name.startsWith("Bulk 0001"))
        .map((r) => r.name)
        .sort(),
    );
  });

  it("shows another workspace nothing of ours", async () => {
    const ws = await makeWorkspace();
    await makeRecords(ws, 3);
    const other = await makeWorkspace("Other");
    expect(await collect((await exportRecords(other.actors.owner, {}, NOW)).rows)).toEqual([]);
  });
});

describe("trash selection CSV: only the selected rows, and only those the caller may see", () => {
  it("exports the selected ids of the view; a MEMBER's selection cannot reach someone else's deletion", async () => {
    const ws = await makeWorkspace();
    const [a, b, c] = await makeRecords(ws, 3);
    const theirs = await makeRecord(ws);
    await softDeleteRecords(ws.actors.member, { ids: [a!.id, b!.id, c!.id] }, NOW);
    await softDeleteRecords(ws.actors.member2, { ids: [theirs.id] }, NOW);
    const input = parseInput(trashExportSchema, { scope: "mine", ids: `${a!.id},${c!.id},${theirs.id}` });
    const rows = await collect((await exportTrash(ws.actors.member, input, NOW)).rows);
    expect(rows.map((r) => r[0]).sort()).toEqual([a!.id, c!.id].sort());
    expect(() =>
      parseInput(trashExportSchema, { ids: Array.from({ length: 201 }, (_, i) => `id${i}`).join(",") }),
    ).toThrow(/At most 200/);
    expect(() => parseInput(trashExportSchema, { ids: " , " })).toThrow(/at least one/);
  });
});

describe("single-record JSON: the record with everything that belongs to it", () => {
  it("exports a live record with attributes, notes, activities, subform rows and relations", async () => {
    const ws = await makeWorkspace();
    const r = await makeRecord(
      ws,
      { name: "Ada", attributes: { status: "Won" } },
      { notes: 2, activities: 1, subformRows: 2 },
    );
    const friend = await makeRecord(ws, { name: "Friend" });
    await relate(ws, r.id, friend.id, "Knows");
    const file = await exportRecord(ws.actors.viewer, { id: r.id }, NOW);
    const body = file.body as RecordExport;
    expect(file.name).toBe(`leads-${r.recordNumber}-${NOW.toISOString().slice(0, 10)}`);
    expect(body).toMatchObject({
      state: "live",
      trash: null,
      exportedAt: NOW.toISOString(),
      record: { id: r.id, name: "Ada", attributes: { status: "Won" } },
    });
    expect(body.record.notes).toHaveLength(2);
    expect(body.record.activities).toHaveLength(1);
    expect(body.record.subformRows).toHaveLength(2);
    expect(body.record.relations).toMatchObject([
      { label: "Knows", direction: "to", record: { id: friend.id, trashed: false } },
    ]);
  });

  it("exports a trashed record for whoever may preview it; another MEMBER, a viewer and another workspace do not get it", async () => {
    const ws = await makeWorkspace();
    const r = await makeRecord(ws, {}, { notes: 1 });
    await softDeleteRecords(ws.actors.member, { ids: [r.id] }, NOW);
    for (const who of ["member", "admin", "owner"] as const) {
      const body = (await exportRecord(ws.actors[who], { id: r.id }, NOW)).body as RecordExport;
      expect(body).toMatchObject({
        state: "trash",
        record: { id: r.id, notes: [{ body: "Note 0" }] },
        trash: { deletedBy: ws.actors.member.name },
      });
      expect(body).not.toHaveProperty("record.can");
    }
    await expect(exportRecord(ws.actors.member2, { id: r.id }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(exportRecord(ws.actors.viewer, { id: r.id }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await makeWorkspace("Other");
    await expect(exportRecord(other.actors.owner, { id: r.id }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db().record.delete({ where: { id: r.id } });
    await expect(exportRecord(ws.actors.admin, { id: r.id }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
