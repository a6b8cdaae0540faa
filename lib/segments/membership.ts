import { Prisma } from "@/generated/prisma/client";
import type { AuditDoor } from "@/generated/prisma/enums";
import { fireOnSegmentEntered } from "@/lib/automations/fire";
import type { Tx } from "@/lib/db/tx";
import { liveRecords } from "@/lib/records/live";
import { filterWhere, segmentFilterSchema } from "./filter";

/**
 * Trashed records are never segment members: drops one delete batch's memberships without
 * sending its (up to 1000) ids again. Destroyed records lose theirs by foreign-key cascade.
 */
export async function dropBatchMemberships(tx: Tx, deleteBatchId: string): Promise<void> {
  await tx.segmentMember.deleteMany({ where: { record: { deleteBatchId } } });
}

/**
 * Restored records rejoin every segment of their entity whose filter they match. Each record
 * that newly enters a segment runs that segment's active SEGMENT_ENTERED automations once.
 * Returns the number of automation runs.
 */
export async function refreshMemberships(
  tx: Tx,
  workspaceId: string,
  records: { id: string; entityId: string }[],
  door: AuditDoor = "UI",
): Promise<number> {
  if (records.length === 0) return 0;
  const entityIds = [...new Set(records.map((r) => r.entityId))];
  // FOR KEY SHARE waits for a segment delete in progress and then skips that segment, so
  // members are never added to (nor automations run for) a segment deleted meanwhile.
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Segment" WHERE "workspaceId" = ${workspaceId} AND "entityId" IN (${Prisma.join(entityIds)}) ORDER BY id FOR KEY SHARE`;
  if (locked.length === 0) return 0;
  const segments = await tx.segment.findMany({ where: { id: { in: locked.map((s) => s.id) } }, select: { id: true, entityId: true, filter: true } });

  const entered: { segmentId: string; recordId: string }[] = [];
  for (const segment of segments) {
    const candidates = records.filter((r) => r.entityId === segment.entityId).map((r) => r.id);
    const filter = segmentFilterSchema.safeParse(segment.filter);
    if (!filter.success || candidates.length === 0) continue;
    const matching = await tx.record.findMany({
      where: liveRecords(workspaceId, { id: { in: candidates }, entityId: segment.entityId, ...filterWhere(filter.data) }),
      select: { id: true },
    });
    if (matching.length === 0) continue;
    // Only rows actually inserted count as entering: a record already cached did not enter now.
    const added = await tx.segmentMember.createManyAndReturn({
      data: matching.map((m) => ({ segmentId: segment.id, recordId: m.id })),
      skipDuplicates: true,
      select: { segmentId: true, recordId: true },
    });
    entered.push(...added);
  }
  return fireOnSegmentEntered(tx, { workspaceId, door }, entered);
}
