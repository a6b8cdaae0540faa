import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseInUseError, openPglite } from "./pglite";

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
