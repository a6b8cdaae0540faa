import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { onPostgres, withTestDatabase } from "@/test/db";
import { makeWorkspace } from "@/test/fixtures";

const { databaseUrl } = withTestDatabase();
const ROWS = 10_000;

interface Run {
  code: number | null;
  summary: { created: number; updated: number; failed: unknown[]; interruptedAfterLine?: number; dryRun?: boolean };
  /** What it said on stderr besides log lines (a refusal). */
  message: string;
}

/** `npm run import` as a child process; `onLog` sees each log line (stderr) as it comes. */
function importCli(env: Record<string, string>, args: string[], onLog?: (line: string) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    // One process (node with tsx's loader), so the signal reaches the import itself.
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=react-server", "scripts/import.ts", ...args],
      {
        env: { ...process.env, LOG_LEVEL: "info", ...env },
      },
    );
    let pending = "";
    let stdout = "";
    let message = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    // A chunk of stderr can end mid-line; hold the tail until its newline arrives.
    child.stderr.on("data", (d: Buffer) => {
      const lines = (pending + d.toString()).split("\n");
      pending = lines.pop()!;
      lines.forEach((line) => {
        if (!line.startsWith("{")) message += line;
        onLog?.call(child, line);
      });
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return resolve({ code, summary: undefined as never, message: message + pending });
      try {
        resolve({ code, summary: JSON.parse(stdout.trim().split("\n").pop()!), message });
      } catch {
        reject(new Error(`import printed no summary (exit ${code}): ${stdout}`));
      }
    });
  });
}

// Issue 25: SIGTERM during an import lets the chunk being written commit whole, then stops; the
// same file again with --upsert finishes the job with no duplicate. PostgreSQL: the CLI and this
// test read one database.
describe.runIf(onPostgres)("npm run import stopped by SIGTERM", () => {
  it("commits whole chunks only, says where it stopped, and a re-run with --upsert finishes it", async () => {
    const ws = await makeWorkspace();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "crm-import-")), "leads.csv");
    fs.writeFileSync(
      file,
      [
        "name,phone,external_provider,external_id",
        ...Array.from({ length: ROWS }, (_, i) => `Lead ${i},+4915110${String(i).padStart(5, "0")},legacy,ext-${i}`),
      ].join("\n"),
    );
    const env = { DATABASE_URL: databaseUrl() };
    const args = ["--email", ws.actors.member.email, "--entity", "leads", "--file", file];

    let signalled = false;
    const first = await importCli(env, args, function (this: { kill: (s: string) => void }, line) {
      if (!signalled && line.includes("import chunk committed")) {
        signalled = true;
        this.kill("SIGTERM");
      }
    });
    expect(first.code).toBe(0);
    expect(signalled).toBe(true);
    const stoppedAt = first.summary.interruptedAfterLine!;
    expect(stoppedAt).toBeGreaterThan(1);
    expect(stoppedAt).toBeLessThan(ROWS + 1);
    // Nothing half-done: every row up to the line it names is in, none after it.
    const after = await db().record.count({
      where: { workspaceId: ws.id, entityId: ws.entities.leads, name: { startsWith: "Lead " } },
    });
    expect(first.summary.failed).toEqual([]);
    expect(after).toBe(first.summary.created);
    expect(after).toBe(stoppedAt - 1);

    const second = await importCli(env, [...args, "--upsert"]);
    expect(second.code).toBe(0);
    expect(second.summary.interruptedAfterLine).toBeUndefined();
    expect(second.summary).toMatchObject({ created: ROWS - after, updated: after, failed: [] });
    const ids = await db().record.findMany({
      where: { workspaceId: ws.id, entityId: ws.entities.leads, name: { startsWith: "Lead " } },
      select: { externalId: true },
    });
    expect(ids).toHaveLength(ROWS);
    expect(new Set(ids.map((r) => r.externalId)).size).toBe(ROWS);
  }, 240_000);

  it("--dry-run writes nothing; a file over 200,000 rows is refused before any row; --workspace alone imports as its owner", async () => {
    const ws = await makeWorkspace();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-import-"));
    const small = path.join(dir, "small.csv");
    fs.writeFileSync(small, "name,phone\nAda,+49 30 1234567\nBob,not a phone\n");
    const env = { DATABASE_URL: databaseUrl() };
    const base = ["--workspace", ws.slug, "--entity", "leads"];
    const count = () => db().record.count({ where: { workspaceId: ws.id, entityId: ws.entities.leads } });
    const before = await count();

    const dry = await importCli(env, [...base, "--file", small, "--dry-run"]);
    expect(dry.summary).toMatchObject({ dryRun: true, created: 1, failed: [{ line: 3 }] });
    expect(await count()).toBe(before);
    expect(await db().auditLog.count({ where: { workspaceId: ws.id } })).toBe(0);

    const big = path.join(dir, "big.csv");
    fs.writeFileSync(big, `name\n${"Someone\n".repeat(200_001)}`);
    const refused = await importCli(env, [...base, "--file", big]);
    expect(refused.code).toBe(1);
    expect(refused.message).toContain("over 200,000 rows");
    expect(await count()).toBe(before);

    const real = await importCli(env, [...base, "--file", small]);
    expect(real.summary).toMatchObject({ created: 1, updated: 0, failed: [{ line: 3 }] });
    const audit = await db().auditLog.findFirstOrThrow({ where: { workspaceId: ws.id, action: "records.create" } });
    expect(audit).toMatchObject({ actorId: ws.actors.owner.userId, door: "CLI" });
  }, 240_000);
});
