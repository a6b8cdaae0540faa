import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createDbHandle, db, installDbHandle, type DbHandle } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { openPglite } from "@/lib/db/pglite";
import { purgeExpired } from "@/lib/purge/purge";
import { softDeleteRecords } from "@/lib/trash/delete";
import { onPostgres } from "@/test/db";
import { makeRecord, makeWorkspace, NOW } from "@/test/fixtures";

const run = promisify(execFile);
const cli = (script: string, env: Record<string, string>, ...args: string[]) =>
  run(process.execPath, ["--import", "tsx", "--conditions=react-server", `scripts/${script}.ts`, ...args], {
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
const failure = (e: { code: number; stderr: string }) => e;

describe.runIf(!onPostgres)("npm run db:backup and db:restore (embedded database)", () => {
  it("backs up, and after records are deleted and purged restores every record and note", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "crm-backup-"));
    const dataDir = path.join(root, "pglite");
    const env = { DATABASE_URL: `file:${dataDir}` };
    const open = async (): Promise<DbHandle> => {
      const handle = createDbHandle({ kind: "pglite", dataDir });
      installDbHandle(handle);
      return handle;
    };
    let handle = await open();
    await applyMigrations(handle.runner);
    const ws = await makeWorkspace();
    const records = await Promise.all([1, 2, 3, 4].map(() => makeRecord(ws, {}, { notes: 2 })));
    const before = await db().record.count();
    await handle.close();

    // While a process (the server) holds the folder, the backup refuses and says why.
    const server = openPglite(dataDir);
    const busy = await cli("db-backup", env).then(() => null, failure);
    await server.close();
    expect(busy?.code).toBe(1);
    expect(busy?.stderr).toMatch(/in use by another process/);

    const file = path.join(root, "crm.tar.gz");
    const backup = await cli("db-backup", env, "--out", file);
    expect(JSON.parse(backup.stdout)).toMatchObject({ file, bytes: fs.statSync(file).size });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    handle = await open();
    await softDeleteRecords(ws.actors.member, { ids: records.map((r) => r.id) }, NOW);
    await purgeExpired({ now: new Date(NOW.getTime() + 30 * 86_400_000) });
    expect(await db().record.count({ where: { workspaceId: ws.id } })).toBe(0);
    await handle.close();

    const refused = await cli("db-restore", env, file).then(() => null, failure);
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toMatch(/already holds a database.*--force/);
    const restored = JSON.parse((await cli("db-restore", env, file, "--force")).stdout);
    expect(fs.existsSync(restored.keptAside)).toBe(true);

    handle = await open();
    try {
      expect(await db().record.count()).toBe(before);
      expect(await db().record.count({ where: { workspaceId: ws.id, deletedAt: null } })).toBe(4);
      expect(await db().note.count({ where: { workspaceId: ws.id } })).toBe(8);
    } finally {
      await handle.close();
    }
  }, 240_000);
});

describe.runIf(onPostgres)("npm run db:backup on PostgreSQL", () => {
  it("says to use pg_dump", async () => {
    const env = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/test?schema=public" };
    for (const [script, args] of [
      ["db-backup", []],
      ["db-restore", ["x.tar.gz"]],
    ] as const) {
      const error = await cli(script, env, ...args).then(() => null, failure);
      expect(error?.code).toBe(1);
      expect(error?.stderr).toMatch(/pg_dump/);
    }
  });
});
