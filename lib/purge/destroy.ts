import type { Actor } from "@/lib/actor";
import type { AuditContext } from "@/lib/audit/write";
import { transaction } from "@/lib/db/tx";
import { assertCan } from "@/lib/permissions";
import { failure, type BulkResult, type FailedId } from "@/lib/records/bulk-result";
import { destroyLockedRecords, lockTrashedRecords } from "./destroy-batch";
import { assertWithinBulkCap } from "@/lib/records/schemas";

export const NOT_IN_TRASH_TO_DESTROY =
  "Not in the trash (restored, never deleted, or already gone): move it to the trash first.";
export const HELD_REFUSED = "Held — release it first.";

/**
 * Hard delete (ADMIN+), "Delete permanently" and GDPR erasure: immediate and irreversible,
 * including the record's place in other records' relations. It only ever touches rows that
 * are in the trash and not held at this moment — re-checked on the rows locked inside the
 * transaction that deletes them, so a record restored (or put on hold) meanwhile survives.
 * Afterwards the id answers not found everywhere.
 */
export async function destroyRecords(
  actor: Actor,
  input: { ids: string[]; audit?: AuditContext },
  _now: Date,
): Promise<BulkResult> {
  assertCan(actor, "records.destroy");
  const { ids } = input;
  assertWithinBulkCap(ids);
  return transaction(async (tx) => {
    const locked = new Map((await lockTrashedRecords(tx, actor.workspaceId, ids)).map((r) => [r.id, r]));
    const failed = new Map<string, FailedId>();
    for (const id of ids) {
      const row = locked.get(id);
      if (!row) failed.set(id, failure(id, "NOT_FOUND", NOT_IN_TRASH_TO_DESTROY));
      else if (row.held) failed.set(id, failure(id, "CONFLICT", HELD_REFUSED));
    }
    const destroyed = await destroyLockedRecords(
      tx,
      actor,
      ids.filter((id) => !failed.has(id)),
      "hard_delete",
      input.audit,
    );
    const done = new Set(destroyed.map((d) => d.id));
    return {
      succeeded: ids.filter((id) => done.has(id)),
      failed: ids
        .filter((id) => !done.has(id))
        .map((id) => failed.get(id) ?? failure(id, "NOT_FOUND", NOT_IN_TRASH_TO_DESTROY)),
    };
  });
}
