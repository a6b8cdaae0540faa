import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
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

/** Every PGlite the project opens (in memory without a folder): with pg_trgm, which the search indexes need. */
export function newPglite(dataDir?: string, loadDataDir?: Blob): PGlite {
  return new PGlite({ dataDir, extensions: { pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) });
}

export interface OpenedPglite {
  pglite: PGlite;
  close(): Promise<void>;
}

/**
 * The data folder holds password hashes and roles: it is the owner's alone (folder 0700,
 * every file 0600, whatever the umask), set when opened, once ready, and when closed.
 */
export function makePrivate(dir: string): void {
  if (!fs.existsSync(dir)) return;
  fs.chmodSync(dir, 0o700);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) makePrivate(full);
    else if (entry.isFile()) fs.chmodSync(full, 0o600);
  }
}

/** Takes the folder's lock (the sibling `<folder>.lock`) or throws DatabaseInUseError; returns the release. */
export function lockDataDir(dataDir: string): () => void {
  try {
    return lockfile.lockSync(dataDir, {
      lockfilePath: path.join(path.dirname(dataDir), `${path.basename(dataDir)}.lock`),
      stale: 15_000,
      update: 5_000,
      realpath: false,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") throw new DatabaseInUseError(dataDir);
    throw error;
  }
}

export function openPglite(dataDir: string): OpenedPglite {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  makePrivate(dataDir);
  const release = lockDataDir(dataDir);
  const pglite = newPglite(dataDir);
  const madePrivate = pglite.waitReady.then(() => makePrivate(dataDir)).catch(() => undefined);
  let closed = false;
  return {
    pglite,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await madePrivate;
        await pglite.close();
        makePrivate(dataDir);
      } finally {
        release();
      }
    },
  };
}
