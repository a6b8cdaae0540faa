import type { Actor } from "@/lib/actor";
import type { AuditContext } from "@/lib/audit/write";
import { transaction } from "@/lib/db/tx";
import { assertCan } from "@/lib/permissions";
import { failure, NOT_FOUND_MESSAGE, type BulkResult } from "@/lib/records/bulk-result";
import { destroyLockedRecords, lockRecords } from "./destroy";

/**
 * Hard delete (ADMIN+), for GDPR erasure and "Delete permanently": immediate and
 * irreversible, live or trashed, including the record's place in other records' relations.
 * Afterwards the id answers not found everywhere.
 */
export async function hardDeleteRecords(actor: Actor, input: { ids: string[]; audit?: AuditContext }, _now: Date): Promise<BulkResult> {
  assertCan(actor, "records.destroy");
  const { ids } = input;
  return transaction(async (tx) => {
    const locked = new Set(await lockRecords(tx, actor.workspaceId, ids));
    const destroyed = await destroyLockedRecords(tx, actor, ids.filter((id) => locked.has(id)), "hard_delete", input.audit);
    const done = new Set(destroyed.map((d) => d.id));
    return {
      succeeded: ids.filter((id) => done.has(id)),
      failed: ids.filter((id) => !done.has(id)).map((id) => failure(id, "NOT_FOUND", NOT_FOUND_MESSAGE)),
    };
  });
}
