import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { resolveEntity } from "@/lib/entities";
import { assertCan } from "@/lib/permissions";
import { liveRecords } from "@/lib/records/live";
import { filterWhere } from "./filter";
import type { PreviewSegmentInput } from "./schemas";

export interface SegmentPreview {
  count: number;
  /** A few of the matching records, newest first. */
  sample: { id: string; name: string }[];
}

/** How many live records a filter matches right now: what a new segment would start with. */
export async function previewSegment(actor: Actor, input: PreviewSegmentInput): Promise<SegmentPreview> {
  assertCan(actor, "records.read");
  const entity = await resolveEntity(actor, input.entity);
  const where = liveRecords(actor.workspaceId, { entityId: entity.id, ...filterWhere(input.filter) });
  const [count, sample] = await Promise.all([
    db().record.count({ where }),
    db().record.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 3,
      select: { id: true, name: true },
    }),
  ]);
  return { count, sample };
}
