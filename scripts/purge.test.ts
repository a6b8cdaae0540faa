import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { openPglite } from "@/lib/db/pglite";
import { onPostgres, withTestDatabase } from "@/test/db";
import { makeWorkspace, NOW } from "@/test/fixtures";

const run = promisify(execFile);
const { databaseUrl } = withTestDatabase();
const TSX = path.resolve("node_modules/.bin/tsx");
const DAY = 86_400_000;

function purgeCli(env: Record<string, string>, ...args: string[]) {
  return run(TSX, ["--conditions=react-server", "scripts/purge.ts", ...args], {
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
}

describe.runIf(!onPostgres)("npm run purge on the embedded database", () => {
  it("refuses to open the folder while another process (the server) holds it, with a message saying what to do", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "crm-cli-")), "pglite");
    const server = openPglite(dir);
    try {
      const error = await purgeCli({ DATABASE_URL: `file:${dir}` }).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(error?.code).toBe(1);
      expect(error?.stderr).toMatch(/in use by another process/);
      expect(error?.stderr).toMatch(/Stop the server first/);
    } finally {
      await server.close();
    }
  });

  it("#7 refuses a future --as-of and purges nothing", async () => {
    const ws = await makeWorkspace();
    await db().record.create({
      data: {
        workspaceId: ws.id,
        entityId: ws.entities.leads,
        name: "Trashed a minute ago",
        deletedAt: new Date(Date.now() - 60_000),
        deletedById: ws.actors.member.userId,
      },
    });
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "crm-cli-")), "pglite");
    const future = new Date(Date.now() + 30 * DAY).toISOString();
    const error = await purgeCli({ DATABASE_URL: `file:${dir}` }, "--as-of", future).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(error?.code).toBe(2);
    expect(error?.stderr).toMatch(/--as-of must not be in the future/);
    expect(fs.existsSync(dir)).toBe(false);
    expect(await db().record.count()).toBe(1);
  });

  it("rejects a malformed --as-of", async () => {
    const error = await purgeCli({}, "--as-of", "yesterday").then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(error?.code).toBe(2);
    expect(error?.stderr).toMatch(/--as-of must be an ISO date-time/);
  });
});

describe.runIf(onPostgres)("two purge processes at once (PostgreSQL)", () => {
  it("purge each record exactly once", async () => {
    const ws = await makeWorkspace();
    const deletedAt = new Date(NOW.getTime() - 20 * DAY);
    const records = Array.from({ length: 300 }, (_, i) => ({
      id: crypto.randomUUID(),
      workspaceId: ws.id,
      entityId: ws.entities.leads,
      name: `Expired ${i}`,
      deletedAt,
      deletedById: ws.actors.member.userId,
    }));
    await db().record.createMany({ data: records });
    await db().note.createMany({ data: records.map((r) => ({ workspaceId: ws.id, recordId: r.id, body: "note" })) });

    const env = { DATABASE_URL: databaseUrl() };
    const [a, b] = await Promise.all([
      purgeCli(env, "--as-of", NOW.toISOString(), "--batch-size", "10"),
      purgeCli(env, "--as-of", NOW.toISOString(), "--batch-size", "10"),
    ]);
    const summaries = [JSON.parse(a.stdout.trim()), JSON.parse(b.stdout.trim())];
    expect(summaries[0].purged + summaries[1].purged).toBe(300);

    expect(await db().record.count()).toBe(0);
    expect(await db().note.count()).toBe(0);
    const entries = await db().auditLog.findMany({
      where: { action: "records.purge" },
      select: { targetIds: true, door: true },
    });
    expect(entries).toHaveLength(300);
    expect(new Set(entries.flatMap((e) => e.targetIds)).size).toBe(300);
    expect(entries.every((e) => e.door === "CLI")).toBe(true);
  });
});
