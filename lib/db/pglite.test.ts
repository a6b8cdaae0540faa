import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseInUseError, openPglite } from "./pglite";

/** Every path under dir whose mode lets the group or others in (as "path mode"). */
function openToOthers(dir: string): string[] {
  const found: string[] = [];
  const walk = (p: string) => {
    const mode = fs.statSync(p).mode & 0o777;
    if (mode & 0o077) found.push(`${p} ${mode.toString(8)}`);
    if (fs.statSync(p).isDirectory()) for (const name of fs.readdirSync(p)) walk(path.join(p, name));
  };
  walk(dir);
  return found;
}

describe("#4 the embedded database folder is private", () => {
  it("#4 folder 0700 and files 0600, even under umask 0, while open and after close", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "crm-perm-")), "pglite");
    const umask = process.umask(0);
    try {
      const opened = openPglite(dir);
      await opened.pglite.waitReady;
      await opened.pglite.query("CREATE TABLE secrets (hash text)");
      await new Promise((r) => setTimeout(r, 50));
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      expect(openToOthers(dir)).toEqual([]);
      await opened.close();
      expect(openToOthers(dir)).toEqual([]);
      expect(fs.readdirSync(dir).length).toBeGreaterThan(3);
    } finally {
      process.umask(umask);
    }
  });
});

describe("the embedded database folder lock", () => {
  it("refuses a second opener with a message that says what to do, and frees the folder on close", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "crm-lock-")), "pglite");
    const first = openPglite(dir);
    await first.pglite.query("CREATE TABLE t (n int)");
    let refused: unknown;
    try {
      openPglite(dir);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DatabaseInUseError);
    expect((refused as Error).message).toMatch(/in use by another process/);
    expect((refused as Error).message).toMatch(/Stop the server first/);
    await first.close();

    const second = openPglite(dir);
    await second.pglite.query("INSERT INTO t VALUES (1)");
    expect((await second.pglite.query("SELECT count(*)::int AS n FROM t")).rows).toEqual([{ n: 1 }]);
    await second.close();
  });
});
