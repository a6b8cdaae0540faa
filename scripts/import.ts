import fs from "node:fs";
import { loadActor, loadActorByEmail } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { importCsv, scanCsv } from "@/lib/imports/csv";
import { failuresCsv } from "@/lib/imports/failures";
import { argValue, runCli } from "./cli";

// npm run import -- --workspace SLUG --entity leads --file F.csv [--email USER] [--upsert] [--dry-run] [--failures OUT.csv]
// Streams the file through the same import as the dashboard (lib/imports/csv.ts), as that user
// (without --email: the workspace's owner), and prints one JSON summary: {"created", "updated",
// "skipped", "failed": [{"line", "reason"}]}. The whole file is read once first, so a file over
// the limits, not UTF-8 or without a header is refused before any row is written. --dry-run
// decides every row and rolls each chunk back: the summary of what would happen, nothing written.
// SIGTERM or Ctrl+C: the chunk being written commits whole, the import stops, and the summary adds
// "interruptedAfterLine"; running the same file again with --upsert finishes it without duplicates.
const args = process.argv.slice(2);
const email = argValue(args, "--email");
const entity = argValue(args, "--entity");
const file = argValue(args, "--file");
const workspace = argValue(args, "--workspace");

if ((!email && !workspace) || !entity || !file) {
  console.error(
    "Usage: npm run import -- --workspace SLUG --entity leads --file F.csv [--email USER] [--upsert] [--dry-run] [--failures OUT.csv]",
  );
  process.exit(2);
}

/** The user the import runs as: --email (in --workspace if given), else the workspace's first owner. */
async function importer() {
  const ws = workspace
    ? await db().workspace.findUnique({ where: { slug: workspace }, select: { id: true } })
    : undefined;
  if (workspace && !ws) throw new AppError("NOT_FOUND", `No workspace ${workspace}.`);
  if (email) {
    const actor = await loadActorByEmail(email, "CLI");
    const there = actor && ws ? await loadActor(actor.userId, ws.id, "CLI") : actor;
    if (!there) throw new AppError("NOT_FOUND", `No user ${email}${workspace ? ` in workspace ${workspace}` : ""}.`);
    return there;
  }
  const owner = await db().membership.findFirst({
    where: { workspaceId: ws!.id, role: "OWNER" },
    orderBy: { createdAt: "asc" },
    select: { userId: true },
  });
  const actor = owner ? await loadActor(owner.userId, ws!.id, "CLI") : null;
  if (!actor) throw new AppError("NOT_FOUND", `Workspace ${workspace} has no owner; pass --email.`);
  return actor;
}

await runCli(async () => {
  const actor = await importer();
  const mode = args.includes("--upsert") ? "upsert" : "create";
  const dryRun = args.includes("--dry-run");
  await scanCsv(fs.createReadStream(file), 0);
  const stop = new AbortController();
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => stop.abort());
  const result = await importCsv(
    actor,
    { entity, mode, dryRun, signal: stop.signal },
    fs.createReadStream(file),
    new Date(),
  );
  const { created, updated, skipped, failed, interruptedAfterLine } = result;
  const failures = argValue(args, "--failures");
  if (failures) fs.writeFileSync(failures, failuresCsv(failed));
  console.log(
    JSON.stringify({
      ...(dryRun ? { dryRun } : {}),
      created,
      updated,
      skipped,
      failed,
      ...(interruptedAfterLine !== undefined ? { interruptedAfterLine } : {}),
    }),
  );
});
