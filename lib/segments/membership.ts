import type { Tx } from "@/lib/db/tx";
import { liveRecords } from "@/lib/records/live";
import { filterWhere, segmentFilterSchema } from "./filter";

/** Trashed and destroyed records are never segment members. */
export async function dropMemberships(tx: Tx, recordIds: string[]): Promise<void> {
  if (recordIds.length) await tx.segmentMember.deleteMany({ where: { recordId: { in: recordIds } } });
}

/** Restored records rejoin every segment of their entity whose filter they match. */
export async function refreshMemberships(tx: Tx, workspaceId: string, records: { id: string; entityId: string }[]): Promise<void> {
  if (records.length === 0) return;
  const entityIds = [...new Set(records.map((r) => r.entityId))];
  const segments = await tx.segment.findMany({ where: { workspaceId, entityId: { in: entityIds } }, select: { id: true, entityId: true, filter: true } });
  for (const segment of segments) {
    const candidates = records.filter((r) => r.entityId === segment.entityId).map((r) => r.id);
    const filter = segmentFilterSchema.safeParse(segment.filter);
    if (!filter.success || candidates.length === 0) continue;
    const matching = await tx.record.findMany({
      where: liveRecords(workspaceId, { id: { in: candidates }, entityId: segment.entityId, ...filterWhere(filter.data) }),
      select: { id: true },
    });
    if (matching.length) {
      await tx.segmentMember.createMany({ data: matching.map((m) => ({ segmentId: segment.id, recordId: m.id })), skipDuplicates: true });
    }
  }
}
