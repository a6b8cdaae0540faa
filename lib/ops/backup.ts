import fs from "node:fs";
import path from "node:path";
import type { DatabaseTarget } from "@/lib/db/config";
import { lockDataDir, makePrivate, newPglite, openPglite } from "@/lib/db/pglite";

/** A refusal the backup and restore commands print as is. */
export class BackupRefused extends Error {
  name = "BackupRefused";
}

export const USE_PG_DUMP =
  "The database is a PostgreSQL server: back it up with pg_dump (pg_dump -Fc -n SCHEMA DB > crm.dump) and restore with pg_restore; " +
  "these commands handle the embedded database only.";

export function embeddedDir(target: DatabaseTarget): string {
  if (target.kind !== "pglite") throw new BackupRefused(USE_PG_DUMP);
  return target.dataDir;
}

export const defaultBackupFile = (now: Date) =>
  path.resolve("backups", `crm-${now.toISOString().replace(/[:.]/g, "-")}.tar.gz`);

/**
 * A consistent archive of the embedded database: the folder is opened under its lock (so no
 * server writes to it meanwhile) and PGlite dumps it as one gzipped tarball. The file is the
 * owner's alone (0600): it holds password hashes and encrypted API secrets. While a server
 * holds the folder this refuses (DatabaseInUseError) rather than copy files being written.
 */
export async function backupEmbedded(dataDir: string, outFile: string): Promise<{ file: string; bytes: number }> {
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION")))
    throw new BackupRefused(`There is no embedded database in ${dataDir} to back up.`);
  const opened = openPglite(dataDir);
  try {
    await opened.pglite.waitReady;
    const archive = await opened.pglite.dumpDataDir("gzip");
    const bytes = Buffer.from(await archive.arrayBuffer());
    fs.mkdirSync(path.dirname(outFile), { recursive: true, mode: 0o700 });
    const partial = `${outFile}.partial`;
    fs.writeFileSync(partial, bytes, { mode: 0o600 });
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, outFile);
    return { file: outFile, bytes: bytes.length };
  } finally {
    await opened.close();
  }
}

/**
 * Restores an archive into the embedded database's folder, which no process may hold. An
 * existing database is kept aside (`<folder>.before-restore-<time>`) and replaced only with
 * `force`; without it the restore refuses.
 */
export async function restoreEmbedded(
  file: string,
  dataDir: string,
  { force = false, now = new Date() }: { force?: boolean; now?: Date } = {},
): Promise<{ keptAside: string | null }> {
  if (!fs.existsSync(file)) throw new BackupRefused(`No backup file ${file}.`);
  const exists = fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0;
  if (exists && !force)
    throw new BackupRefused(
      `${dataDir} already holds a database. Run again with --force to replace it (the current one is kept aside, not deleted).`,
    );
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const release = lockDataDir(dataDir);
  let keptAside: string | null = null;
  try {
    if (exists) {
      keptAside = `${dataDir}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
      fs.renameSync(dataDir, keptAside);
    }
    const pglite = newPglite(dataDir, new Blob([fs.readFileSync(file)]));
    await pglite.waitReady;
    await pglite.close();
    makePrivate(dataDir);
    return { keptAside };
  } finally {
    release();
  }
}
