import crypto from "node:crypto";
import type { Actor } from "@/lib/actor";
import { writeAudit, type AuditContext } from "@/lib/audit/write";
import { fireOnDelete } from "@/lib/automations/fire";
import { transaction } from "@/lib/db/tx";
import { assertCan } from "@/lib/permissions";
import { dropBatchMemberships } from "@/lib/segments/membership";
import { failure, NOT_FOUND_MESSAGE, type BulkResult } from "@/lib/records/bulk-result";
import { sqlTime } from "@/lib/db/sql-time";
import { liveSql } from "@/lib/records/live";
import { assertWithinBulkCap } from "@/lib/records/schemas";

export interface DeleteInput {
  /** 1..1000 distinct ids, as `recordIdsSchema` parses them at the door. */
  ids: string[];
  /** The entity's on-delete automations fire unless the caller turned workflows off (wf_trigger=false). */
  fireAutomations?: boolean;
  audit?: AuditContext;
}

export interface DeleteResult extends BulkResult {
  /** Groups this delete for Undo; null when nothing was deleted. */
  batchId: string | null;
}

/**
 * Soft delete: the records move to the trash with everything that belongs to them kept but
 * hidden. Up to 1000 ids; each unknown, foreign or already trashed id is reported, the rest
 * applied in one transaction with a fixed number of statements, audit entry included.
 */
export async function softDeleteRecords(actor: Actor, input: DeleteInput, now: Date): Promise<DeleteResult> {
  assertCan(actor, "records.delete");
  const { ids } = input;
  assertWithinBulkCap(ids);
  const batchId = crypto.randomUUID();

  return transaction(async (tx) => {
    // One guarded update does the work; the deletedAt guard makes a concurrent delete of the
    // same id lose cleanly. Only ids it did not take are looked up, to say why.
    // Raw: one array parameter instead of 1000 (the ORM's IN list costs more than the update).
    // @updatedAt is the wall clock, as here.
    const returned = await tx.$queryRaw<{ id: string; name: string; entityId: string }[]>`
      UPDATE "Record" SET "deletedAt" = ${sqlTime(now)}, "deletedById" = ${actor.userId}, "deleteBatchId" = ${batchId}, "updatedAt" = ${sqlTime(new Date())}
      WHERE "workspaceId" = ${actor.workspaceId} AND id = ANY(${ids}::text[]) AND ${liveSql()}
      RETURNING id, name, "entityId"`;
    // RETURNING follows the plan's order; the audit entry lists the records in the caller's.
    const position = new Map(ids.map((id, i) => [id, i]));
    const deleted = returned.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    const done = new Set(deleted.map((r) => r.id));
    const missed = ids.filter((id) => !done.has(id));
    const trashed = missed.length
      ? new Set(
          (
            await tx.record.findMany({
              where: { workspaceId: actor.workspaceId, id: { in: missed } },
              select: { id: true },
            })
          ).map((r) => r.id),
        )
      : new Set<string>();
    const failed = missed.map((id) =>
      trashed.has(id) ? failure(id, "NOT_FOUND", "Already in the trash.") : failure(id, "NOT_FOUND", NOT_FOUND_MESSAGE),
    );

    if (deleted.length) {
      await dropBatchMemberships(tx, batchId);
      const runs = input.fireAutomations === false ? 0 : await fireOnDelete(tx, actor, deleted);
      await writeAudit(tx, actor, {
        action: "records.delete",
        entityId: deleted.every((r) => r.entityId === deleted[0]!.entityId) ? deleted[0]!.entityId : null,
        targetIds: deleted.map((r) => r.id),
        details: {
          ...input.audit,
          batchId,
          // Every name, so the audit log finds any record of the batch by name, also after a purge.
          names: deleted.map((r) => r.name),
          failed: failed.length,
          automationRuns: runs,
          workflows: input.fireAutomations !== false,
        },
      });
    }
    return { batchId: deleted.length ? batchId : null, succeeded: ids.filter((id) => done.has(id)), failed };
  });
}

/**
 * The dashboard's delete: the entity's on-delete automations run, unless an ADMIN+ chooses
 * not to run them (the dialog names them and how many times they would run).
 */
export async function deleteFromDashboard(
  actor: Actor,
  { ids, runAutomations = true, audit }: { ids: string[]; runAutomations?: boolean; audit?: AuditContext },
  now: Date,
): Promise<DeleteResult> {
  if (!runAutomations) assertCan(actor, "records.delete.skipAutomations");
  return softDeleteRecords(actor, { ids, fireAutomations: runAutomations, audit }, now);
}
