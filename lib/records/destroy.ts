import type { Actor } from "@/lib/actor";
import { transaction } from "@/lib/db/tx";
import { assertCan } from "@/lib/permissions";
import { destroyLockedRecords, lockRecords } from "@/lib/purge/destroy";
import { failure, NOT_FOUND_MESSAGE, type BulkResult } from "./bulk-result";
import { parseRecordIds } from "./schemas";

/**
 * Hard delete (ADMIN+), for GDPR erasure and "Delete permanently": immediate and
 * irreversible, live or trashed, including the record's place in other records' relations.
 * Afterwards the id answers not found everywhere.
 */
export async function hardDeleteRecords(actor: Actor, input: { ids: unknown; audit?: { chunk?: string; selectionId?: string } }, _now: Date): Promise<BulkResult> {
  assertCan(actor, "records.destroy");
  const ids = parseRecordIds(input.ids);
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
