import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit/write";
import { transaction, type Tx } from "@/lib/db/tx";
import { resolveEntity } from "@/lib/entities";
import { assertCan } from "@/lib/permissions";
import { liveRecords, liveSql } from "@/lib/records/live";
import { assertKnownFields, entityFields } from "./fields";
import { filterWhere, type SegmentFilter } from "./filter";
import type { CreateSegmentInput } from "./schemas";

export interface CreateSegmentResult {
  segmentId: string;
  memberCount: number;
}

const CHUNK = 5000;

/**
 * Fills a new segment's member cache with the live records that match, each locked FOR SHARE
 * so a record being moved to the trash at this moment is either left out or dropped by that
 * delete afterwards: the cache never ends up holding a trashed record.
 */
async function fillMembers(
  tx: Tx,
  workspaceId: string,
  segmentId: string,
  entityId: string,
  filter: SegmentFilter,
  now: Date,
): Promise<number> {
  const matching = await tx.record.findMany({
    where: liveRecords(workspaceId, { entityId, ...filterWhere(filter) }),
    select: { id: true },
  });
  let count = 0;
  for (let i = 0; i < matching.length; i += CHUNK) {
    const ids = matching.slice(i, i + CHUNK).map((r) => r.id);
    const live = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Record" WHERE id IN (${Prisma.join(ids)}) AND ${liveSql()} FOR SHARE`;
    if (live.length === 0) continue;
    count += (
      await tx.segmentMember.createMany({
        data: live.map((r) => ({ segmentId, recordId: r.id, addedAt: now })),
        skipDuplicates: true,
      })
    ).count;
  }
  return count;
}

/**
 * A saved filter over one entity's records (MEMBER+). Its member cache is filled with the live
 * records that match; being there from the start is not "entering", so no automation runs.
 */
export async function createSegment(actor: Actor, input: CreateSegmentInput, now: Date): Promise<CreateSegmentResult> {
  assertCan(actor, "segments.create");
  const entity = await resolveEntity(actor, input.entity);

  return transaction(async (tx) => {
    assertKnownFields(input.filter.conditions, await entityFields(tx, actor.workspaceId, entity.id), entity.name);
    const filter: SegmentFilter = {
      ...(input.filter.q ? { q: input.filter.q } : {}),
      conditions: input.filter.conditions,
    };
    const segment = await tx.segment.create({
      data: {
        workspaceId: actor.workspaceId,
        entityId: entity.id,
        name: input.name,
        filter,
        createdById: actor.userId,
        createdAt: now,
      },
      select: { id: true },
    });
    const memberCount = await fillMembers(tx, actor.workspaceId, segment.id, entity.id, filter, now);
    await writeAudit(tx, actor, {
      action: "segments.create",
      entityId: entity.id,
      targetIds: [segment.id],
      details: { name: input.name, names: [input.name], filter, memberCount },
    });
    return { segmentId: segment.id, memberCount };
  });
}
