import type { AuditDoor } from "@/generated/prisma/enums";
import { fireOnSegmentEntered } from "@/lib/automations/fire";
import type { Tx } from "@/lib/db/tx";
import { liveRecords } from "@/lib/records/live";
import { filterWhere, isEmptyFilter, segmentFilterSchema } from "./filter";
import { sqlTime } from "@/lib/db/sql-time";

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
  const segments = await tx.$queryRaw<{ id: string; entityId: string; filter: unknown }[]>`
    SELECT id, "entityId", filter FROM "Segment" WHERE "workspaceId" = ${workspaceId} AND "entityId" = ANY(${entityIds}::text[]) ORDER BY id FOR KEY SHARE`;

  const entered: { segmentId: string; recordId: string }[] = [];
  for (const segment of segments) {
    const candidates = records.filter((r) => r.entityId === segment.entityId).map((r) => r.id);
    const filter = segmentFilterSchema.safeParse(segment.filter);
    if (!filter.success || candidates.length === 0) continue;
    // The records are live and of the segment's entity: an empty filter matches them all.
    const matching = isEmptyFilter(filter.data)
      ? candidates
      : (
          await tx.record.findMany({
            where: liveRecords(workspaceId, {
              id: { in: candidates },
              entityId: segment.entityId,
              ...filterWhere(filter.data),
            }),
            select: { id: true },
          })
        ).map((m) => m.id);
    if (matching.length === 0) continue;
    // Only rows actually inserted count as entering: a record already cached did not enter now.
    entered.push(
      ...(await tx.$queryRaw<{ segmentId: string; recordId: string }[]>`
      INSERT INTO "SegmentMember" ("segmentId", "recordId", "addedAt")
      SELECT ${segment.id}, id, ${sqlTime(new Date())} FROM unnest(${matching}::text[]) AS id
      ON CONFLICT DO NOTHING
      RETURNING "segmentId", "recordId"`),
    );
  }
  return fireOnSegmentEntered(tx, { workspaceId, door }, entered);
}
