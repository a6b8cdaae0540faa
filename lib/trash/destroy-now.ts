import type { Actor } from "@/lib/actor";
import { assertCan } from "@/lib/permissions";
import { destroyRecords } from "@/lib/purge/destroy";
import type { BulkResult } from "@/lib/records/bulk-result";
import { softDeleteRecords } from "./delete";

/**
 * Erasure whatever the record's state (GDPR, the record page's "Delete permanently", the hard
 * delete API): live records go to the trash, then permanent delete takes exactly those that
 * are in the trash and not held at that moment — the one rule of permanent delete, so a record
 * restored in between is never destroyed, and a held one is refused until released.
 */
export async function destroyRecordsNow(actor: Actor, { ids }: { ids: string[] }, now: Date): Promise<BulkResult> {
  assertCan(actor, "records.destroy");
  const trashed = await softDeleteRecords(actor, { ids }, now);
  const destroyed = await destroyRecords(actor, { ids }, now);
  const whyNotTrashed = new Map(trashed.failed.map((f) => [f.id, f]));
  // An unknown id says "not found" as the soft delete put it; anything refused later says why.
  const failed = destroyed.failed.map((f) => (f.code === "NOT_FOUND" ? (whyNotTrashed.get(f.id) ?? f) : f));
  return { succeeded: destroyed.succeeded, failed };
}
