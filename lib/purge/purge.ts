import type { AuditDoor } from "@/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/tx";
import { log } from "@/lib/ops/logger";
import { isShuttingDown } from "@/lib/ops/shutdown";
import { trashedRecords } from "@/lib/records/live";
import { retentionFor } from "./retention";
import { destroyLockedRecords, lockTrashBatch } from "./destroy-batch";

export interface PurgeOptions {
  now: Date;
  dryRun?: boolean;
  batchSize?: number;
  door?: AuditDoor;
}

export interface PurgeSummary {
  purged: number;
  dryRun: boolean;
  asOf: string;
  batches: number;
  /** True when a shutdown stopped the run between two batches; the next run takes the rest. */
  interrupted: boolean;
  workspaces: { workspaceId: string; retentionDays: number; cutoff: string; purged: number }[];
  belongings: { notes: number; activities: number; subformRows: number; relations: number };
}

/**
 * Retention purge: every trashed record whose purgeAt (deletedAt + the workspace's retention)
 * has passed, and that is not on hold, is destroyed with everything that belonged to it.
 * Works in short transactions of `batchSize` rows locked with SKIP LOCKED, so it never holds
 * long locks and several processes running it at once purge each record exactly once.
 * A shutdown (SIGTERM) stops it between batches: the batch in flight commits whole.
 */
export async function purgeExpired({
  now,
  dryRun = false,
  batchSize = 2000,
  door = "JOB",
}: PurgeOptions): Promise<PurgeSummary> {
  const workspaces = await db().workspace.findMany({
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  const summary: PurgeSummary = {
    purged: 0,
    dryRun,
    asOf: now.toISOString(),
    batches: 0,
    interrupted: false,
    workspaces: [],
    belongings: { notes: 0, activities: 0, subformRows: 0, relations: 0 },
  };

  for (const ws of workspaces) {
    const retention = await retentionFor(ws.id);
    const cutoff = retention.cutoff(now);
    let purged = 0;
    if (dryRun) {
      purged = await db().record.count({ where: trashedRecords(ws.id, { deletedAt: { lte: cutoff }, heldAt: null }) });
    } else {
      for (;;) {
        if (isShuttingDown()) {
          summary.interrupted = true;
          break;
        }
        const started = Date.now();
        const destroyed = await transaction(async (tx) => {
          const ids = await lockTrashBatch(tx, ws.id, cutoff, batchSize);
          return destroyLockedRecords(tx, { workspaceId: ws.id, userId: null, door }, ids, "retention");
        });
        if (destroyed.length === 0) break;
        summary.batches++;
        purged += destroyed.length;
        log("purge").info(
          { workspaceId: ws.id, batch: summary.batches, purged: destroyed.length, durationMs: Date.now() - started },
          "purge batch committed",
        );
        for (const d of destroyed) {
          summary.belongings.notes += d.notes;
          summary.belongings.activities += d.activities;
          summary.belongings.subformRows += d.subformRows;
          summary.belongings.relations += d.relations;
        }
      }
    }
    summary.purged += purged;
    if (purged > 0)
      summary.workspaces.push({
        workspaceId: ws.id,
        retentionDays: retention.days,
        cutoff: cutoff.toISOString(),
        purged,
      });
    if (summary.interrupted) break;
  }
  return summary;
}
