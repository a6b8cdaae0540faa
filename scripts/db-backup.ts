import path from "node:path";
import { resolveDatabaseTarget } from "@/lib/db/config";
import { backupEmbedded, defaultBackupFile, embeddedDir } from "@/lib/ops/backup";
import { argValue, printError, printLine } from "./cli";

// npm run db:backup [-- --out FILE]
// A consistent gzipped archive of the embedded database (mode 0600). Refuses while the server
// holds the folder, and on PostgreSQL (use pg_dump there).
const args = process.argv.slice(2);
const started = Date.now();
try {
  const dataDir = embeddedDir(resolveDatabaseTarget());
  const out = path.resolve(argValue(args, "--out") ?? defaultBackupFile(new Date()));
  const { file, bytes } = await backupEmbedded(dataDir, out);
  printLine({ file, bytes, durationMs: Date.now() - started });
} catch (error) {
  printError((error as Error).message);
  process.exitCode = 1;
}
