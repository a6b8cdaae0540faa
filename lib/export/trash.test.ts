import { describe, expect, it } from "vitest";
import { softDeleteRecords } from "@/lib/trash/delete";
import { withTestDatabase } from "@/test/db";
import { makeRecord, makeRecords, makeWorkspace, NOW } from "@/test/fixtures";
import { exportTrash } from "./trash";

withTestDatabase();

const collect = async (rows: AsyncIterable<unknown[]>) => {
  const out: unknown[][] = [];
  for await (const row of rows) out.push(row);
  return out;
};

describe("trash CSV export", () => {
  it("streams every record of the view, all matching the filter, with one column per attribute", async () => {
    const ws = await makeWorkspace();
    const many = await makeRecords(ws, 450, { attributes: { status: "New", amount: 5 } });
    await softDeleteRecords(ws.actors.member, { ids: many.map((r) => r.id) }, NOW);
    const contact = await makeRecord(ws, { entityId: ws.entities.contacts, name: "C", attributes: { city: "Oslo" } });
    await softDeleteRecords(ws.actors.admin, { ids: [contact.id] }, NOW);

    const all = await exportTrash(ws.actors.admin, { scope: "all" }, NOW);
    expect(all.columns).toEqual(
      expect.arrayContaining(["id", "name", "deletedAt", "purgeAt", "status", "amount", "city"]),
    );
    expect(await collect(all.rows)).toHaveLength(451);

    const mine = await exportTrash(ws.actors.member, { entity: "leads", q: "Bulk 0001" }, NOW);
    expect(mine.columns).not.toContain("city");
    const rows = await collect(mine.rows);
    expect(rows.map((r) => r[2]).sort()).toEqual(
      many
        .filter((r) => r.name.startsWith("Bulk 0001"))
        .map((r) => r.name)
        .sort(),
    );
    expect(rows[0]![mine.columns.indexOf("status")]).toBe("New");
  });

  it("refuses a MEMBER the whole workspace's trash, and shows another workspace's owner nothing of ours", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const r = await makeRecord(ws);
    await softDeleteRecords(ws.actors.member, { ids: [r.id] }, NOW);
    await expect(exportTrash(ws.actors.member, { scope: "all" }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await collect((await exportTrash(other.actors.owner, { scope: "all" }, NOW)).rows)).toEqual([]);
  });
});
