import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/actor";
import { afterCommit, type Tx } from "@/lib/db/tx";
import { countRecords, type RecordChange } from "@/lib/ops/metrics";

// The audit actions that move records, as the records metric names them.
const RECORD_CHANGES: Record<string, RecordChange> = { "records.delete": "deleted", "records.restore": "restored" };

/** Where a call sits in a larger run, e.g. chunk "2/25" of a "select all matching" selection. */
export interface AuditContext {
  chunk?: string;
  selectionId?: string;
}

export interface AuditEntry {
  action: string;
  entityId?: string | null;
  targetIds: string[];
  details?: Prisma.InputJsonObject;
}

/** Written inside the caller's transaction: the entry commits with the change, never after it. */
export async function writeAudit(
  tx: Tx,
  actor: Pick<Actor, "userId" | "workspaceId" | "door" | "apiKeyId">,
  entry: AuditEntry,
) {
  // createMany: no RETURNING of the (possibly 1000-long) target list nobody reads back.
  await tx.auditLog.createMany({
    data: {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      door: actor.door,
      apiKeyId: actor.apiKeyId ?? null,
      action: entry.action,
      entityId: entry.entityId ?? null,
      targetIds: entry.targetIds,
      count: entry.targetIds.length,
      details: entry.details ?? {},
    },
  });
  const change = RECORD_CHANGES[entry.action];
  if (change) afterCommit(tx, () => countRecords(change, actor.door, entry.targetIds.length));
}
