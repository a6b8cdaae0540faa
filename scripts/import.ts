import fs from "node:fs";
import { loadActor, loadActorByEmail } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { importCsv } from "@/lib/imports/csv";
import { failuresCsv } from "@/lib/imports/failures";
import { argValue, runCli } from "./cli";

// npm run import -- --email USER --entity leads --file F.csv [--workspace SLUG] [--upsert] [--failures OUT.csv]
// Streams the file through the same import as the dashboard (lib/imports/csv.ts), as that user,
// and prints one JSON summary: {"created", "updated", "skipped", "failed": [{"line", "reason"}]}.
// SIGTERM or Ctrl+C: the chunk being written commits whole, the import stops, and the summary adds
// "interruptedAfterLine"; running the same file again with --upsert finishes it without duplicates.
const args = process.argv.slice(2);
const email = argValue(args, "--email");
const entity = argValue(args, "--entity");
const file = argValue(args, "--file");
const workspace = argValue(args, "--workspace");

if (!email || !entity || !file) {
  console.error(
    "Usage: npm run import -- --email USER --entity leads --file F.csv [--workspace SLUG] [--upsert] [--failures OUT.csv]",
  );
  process.exit(2);
}

await runCli(async () => {
  let actor = await loadActorByEmail(email, "CLI");
  if (actor && workspace) {
    const ws = await db().workspace.findUnique({ where: { slug: workspace }, select: { id: true } });
    actor = ws ? await loadActor(actor.userId, ws.id, "CLI") : null;
  }
  if (!actor) throw new AppError("NOT_FOUND", `No user ${email}${workspace ? ` in workspace ${workspace}` : ""}.`);
  const mode = args.includes("--upsert") ? "upsert" : "create";
  const stop = new AbortController();
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => stop.abort());
  const result = await importCsv(actor, { entity, mode, signal: stop.signal }, fs.createReadStream(file), new Date());
  const { created, updated, skipped, failed, interruptedAfterLine } = result;
  const failures = argValue(args, "--failures");
  if (failures) fs.writeFileSync(failures, failuresCsv(failed));
  console.log(
    JSON.stringify({ created, updated, skipped, failed, ...(interruptedAfterLine ? { interruptedAfterLine } : {}) }),
  );
});
