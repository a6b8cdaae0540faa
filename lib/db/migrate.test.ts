import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeRecord, makeWorkspace, NOW } from "@/test/fixtures";
import { withTestDatabase } from "@/test/db";
import { applyMigrations, readMigrations } from "./migrate";

const { handle } = withTestDatabase();

describe("migrations", () => {
  it("are recorded in Prisma's table and applying them again does nothing", async () => {
    expect(await applyMigrations(handle().runner)).toEqual([]);
    const rows = await handle().runner.rows<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(readMigrations().map((m) => m.name));
    expect(rows.map((r) => r.checksum)).toEqual(readMigrations().map((m) => m.checksum));
  });

  it("keep external ids unique per entity among live records only", async () => {
    const ws = await makeWorkspace();
    const ext = { externalProvider: "hubspot", externalId: "42" };
    const first = await makeRecord(ws, ext);
    await expect(makeRecord(ws, ext)).rejects.toThrow();
    // The same id in another entity is fine.
    await makeRecord(ws, { ...ext, entityId: ws.entities.contacts });
    // Once the first is in the trash, a new live record may take the id.
    await db().record.update({ where: { id: first.id }, data: { deletedAt: NOW } });
    await expect(makeRecord(ws, ext)).resolves.toMatchObject(ext);
  });
});
