import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import lockfile from "proper-lockfile";

/**
 * PGlite has no lock of its own: two processes writing one folder corrupt it.
 * The opener holds a lock file for as long as it uses the folder (released on exit,
 * considered stale 15 s after a crash); a second opener is refused with a message
 * that says what to do.
 */
export class DatabaseInUseError extends Error {
  constructor(dataDir: string) {
    super(
      `The embedded database in ${dataDir} is in use by another process (most likely the running server).\n` +
        "Stop the server first (Ctrl+C in its terminal), then run this command again — " +
        "or run the app on PostgreSQL (DATABASE_URL=postgresql://...), where several processes may share the database.",
    );
    this.name = "DatabaseInUseError";
  }
}

export interface OpenedPglite {
  pglite: PGlite;
  close(): Promise<void>;
}

export function openPglite(dataDir: string): OpenedPglite {
  fs.mkdirSync(dataDir, { recursive: true });
  let release: () => void;
  try {
    release = lockfile.lockSync(dataDir, {
      lockfilePath: path.join(path.dirname(dataDir), `${path.basename(dataDir)}.lock`),
      stale: 15_000,
      update: 5_000,
      realpath: false,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") throw new DatabaseInUseError(dataDir);
    throw error;
  }
  const pglite = new PGlite(dataDir);
  let closed = false;
  return {
    pglite,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await pglite.close();
      } finally {
        release();
      }
    },
  };
}
