import type { Actor } from "@/lib/actor";
import { assertCan } from "@/lib/permissions";
import { hardDeleteRecords } from "@/lib/purge/hard-delete";
import type { BulkResult } from "@/lib/records/bulk-result";
import { softDeleteRecords } from "./delete";

/**
 * Erasure of live records (GDPR, the record page's "Delete permanently"): they go to the
 * trash, then permanent delete takes exactly those that are still there and not held — the
 * one rule of permanent delete, so a record restored in between is never destroyed.
 */
export async function eraseRecords(actor: Actor, { ids }: { ids: string[] }, now: Date): Promise<BulkResult> {
  assertCan(actor, "records.destroy");
  const trashed = await softDeleteRecords(actor, { ids }, now);
  const destroyed = await hardDeleteRecords(actor, { ids: trashed.succeeded }, now);
  const failed = [...trashed.failed, ...destroyed.failed];
  const order = new Map(ids.map((id, i) => [id, i]));
  failed.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { succeeded: destroyed.succeeded, failed };
}
