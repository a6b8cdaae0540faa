import { Readable } from "node:stream";
import { loadActor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/ops/logger";
import { isShuttingDown, trackWork } from "@/lib/ops/shutdown";
import { can } from "@/lib/permissions";
import { importCsv } from "./csv";

// Runs a started import in the background of whichever instance takes its lease. Each chunk's
// transaction also moves the job's checkpoint (rows done, counts, failed rows) and renews the
// lease, so a row is never applied twice: an instance that dies mid-chunk rolls that chunk back,
// and the next one to look at the job (its page polls) resumes after the last checkpoint.

/** How long a running import's lease lasts without a chunk committing; then another instance may take it up. */
export const IMPORT_LEASE_MS = 60_000;

const leaseFrom = (ms: number) => new Date(ms + IMPORT_LEASE_MS);

/** The uploaded file's bytes, read part by part from the database (never all at once). */
export function fileStream(jobId: string): Readable {
  async function* parts() {
    for (let seq = 0; ; seq++) {
      const part = await db().importPart.findUnique({ where: { jobId_seq: { jobId, seq } }, select: { text: true } });
      if (!part) return;
      yield Buffer.from(part.text, "utf8");
    }
  }
  return Readable.from(parts());
}

/** Takes the job's lease if nobody holds it and runs it; shutdown waits for the chunk in flight. */
export function launchImport(jobId: string): void {
  trackWork(() => runImport(jobId)).catch((err) => log("import").error({ err, jobId }, "import runner failed"));
}

async function finish(jobId: string, data: { status: string; error?: string }) {
  await db().importJob.updateMany({
    where: { id: jobId },
    data: { ...data, finishedAt: new Date(), leaseUntil: null },
  });
  await db().importPart.deleteMany({ where: { jobId } });
}

export async function runImport(jobId: string): Promise<void> {
  const now = Date.now();
  const { count } = await db().importJob.updateMany({
    where: { id: jobId, status: "running", OR: [{ leaseUntil: null }, { leaseUntil: { lt: new Date(now) } }] },
    data: { leaseUntil: leaseFrom(now) },
  });
  if (!count) return; // Another run holds it, or it has ended.
  const job = await db().importJob.findUniqueOrThrow({ where: { id: jobId } });
  // The person who started it, as they are now: a demoted or removed member's import stops.
  const actor = await loadActor(job.createdById, job.workspaceId, "UI");
  if (!actor || !can(actor, "records.write"))
    return finish(jobId, { status: "failed", error: "Whoever started this import can no longer import records." });
  const stop = new AbortController();
  try {
    const result = await importCsv(
      actor,
      {
        entity: job.entityId,
        mode: job.mode === "create" ? "create" : "upsert",
        mapping: job.mapping as Record<string, string>,
        runAutomations: job.runAutomations,
        skipRows: job.doneRows,
        signal: stop.signal,
        checkpoint: async (tx, progress) => {
          const after = await tx.importJob.update({
            where: { id: jobId },
            data: {
              doneRows: { increment: progress.rows },
              created: { increment: progress.created },
              updated: { increment: progress.updated },
              skipped: { increment: progress.skipped },
              failedCount: { increment: progress.failed.length },
              leaseUntil: leaseFrom(Date.now()),
            },
            select: { cancelRequested: true },
          });
          if (progress.failed.length)
            await tx.importFailure.createMany({ data: progress.failed.map((f) => ({ jobId, ...f })) });
          if (after.cancelRequested || isShuttingDown()) stop.abort();
        },
      },
      fileStream(jobId),
      new Date(),
    );
    if (result.interruptedAfterLine === undefined) return finish(jobId, { status: "done" });
    const { cancelRequested } = await db().importJob.findUniqueOrThrow({ where: { id: jobId } });
    if (cancelRequested) return finish(jobId, { status: "cancelled" });
    // Shutting down: the lease lapses at once, so the next instance resumes where this one stopped.
    await db().importJob.update({ where: { id: jobId }, data: { leaseUntil: null } });
  } catch (error) {
    // Its workspace was deleted while it ran: nothing is left to report to.
    if (!(await db().importJob.count({ where: { id: jobId } }))) return;
    log("import").error({ err: error, jobId }, "import stopped");
    const reason =
      error instanceof AppError
        ? error.message
        : "The import stopped on an unexpected error; the rows before it are saved.";
    await finish(jobId, { status: "failed", error: reason });
  }
}

/** How long an upload may wait to be started before its file is dropped. */
export const IMPORT_UPLOAD_TTL_MS = 24 * 60 * 60_000;

/**
 * Housekeeping, after each scheduled purge: imports whose instance stopped are taken up again
 * (nobody has to open their page), and files uploaded but never started (or never finished
 * uploading) are dropped after a day, so abandoned uploads do not fill the database.
 */
export async function tendImports(now: Date): Promise<{ resumed: number; expired: number }> {
  const lapsed = await db().importJob.findMany({
    where: { status: "running", OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    select: { id: true },
  });
  for (const job of lapsed) launchImport(job.id);
  const stale = { createdAt: { lt: new Date(now.getTime() - IMPORT_UPLOAD_TTL_MS) } };
  const [uploading, ready] = await db().$transaction([
    db().importJob.deleteMany({ where: { status: "uploading", ...stale } }),
    db().importJob.updateMany({
      where: { status: "ready", ...stale },
      data: {
        status: "cancelled",
        finishedAt: now,
        error: "Not started within a day of its upload; upload the file again.",
      },
    }),
  ]);
  await db().importPart.deleteMany({ where: { job: { status: "cancelled" } } });
  if (lapsed.length || uploading.count || ready.count)
    log("import").info({ resumed: lapsed.length, expired: uploading.count + ready.count }, "imports tended");
  return { resumed: lapsed.length, expired: uploading.count + ready.count };
}
