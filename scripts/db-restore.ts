import path from "node:path";
import { resolveDatabaseTarget } from "@/lib/db/config";
import { embeddedDir, restoreEmbedded } from "@/lib/ops/backup";
import { printError, printLine, usageError } from "./cli";

// npm run db:restore -- FILE [--force]
// Restores a backup into the embedded database's folder. The server must be stopped; an
// existing database is replaced only with --force (and kept aside, not deleted).
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
if (!file) usageError("Usage: npm run db:restore -- FILE [--force]");
const started = Date.now();
try {
  const dataDir = embeddedDir(resolveDatabaseTarget());
  const { keptAside } = await restoreEmbedded(path.resolve(file), dataDir, { force: args.includes("--force") });
  printLine({ restored: dataDir, keptAside, durationMs: Date.now() - started });
} catch (error) {
  printError((error as Error).message);
  process.exitCode = 1;
}
