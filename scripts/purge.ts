import { drainWork } from "@/lib/ops/shutdown";
import { purgeExpired } from "@/lib/purge/purge";
import { argValue, printLine, runCli, usageError } from "./cli";

// npm run purge [-- --as-of ISO] [--dry-run] [--batch-size N]
// Purges every trashed record whose retention has run out (as of now, or --as-of), printing
// one JSON summary. Safe to run beside other purgers on PostgreSQL; on the embedded
// database it refuses to run while the server holds the folder.
const args = process.argv.slice(2);
const asOf = argValue(args, "--as-of");
const now = asOf ? new Date(asOf) : new Date();
const batchSize = Number(argValue(args, "--batch-size") ?? 500);

if (Number.isNaN(now.getTime())) {
  usageError(`--as-of must be an ISO date-time such as 2026-12-01T00:00:00Z (got "${asOf}").`);
}
// A future --as-of would purge records whose retention has not run out yet.
if (now.getTime() > Date.now()) {
  usageError(
    `--as-of must not be in the future (got ${now.toISOString()}; it is now ${new Date().toISOString()}): it would purge records whose time in the trash has not run out.`,
  );
}
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000) {
  usageError("--batch-size must be a whole number from 1 to 5000.");
}

// SIGTERM or Ctrl+C: the batch in flight commits, the run stops there and prints what it did.
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void drainWork(0));

await runCli(async () => {
  const summary = await purgeExpired({ now, dryRun: args.includes("--dry-run"), batchSize, door: "CLI" });
  printLine(summary);
});
