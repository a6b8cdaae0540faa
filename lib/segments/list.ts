import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/permissions";
import type { SegmentFilter } from "./filter";

export interface SegmentRow {
  id: string;
  name: string;
  entity: { id: string; slug: string; name: string };
  filter: SegmentFilter;
  createdBy: { id: string; name: string; email: string } | null;
  memberCount: number;
  automations: { id: string; name: string; status: string }[];
  createdAt: string;
}

export async function listSegments(actor: Actor): Promise<SegmentRow[]> {
  assertCan(actor, "records.read");
  const segments = await db().segment.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true, name: true, filter: true, createdAt: true,
      entity: { select: { id: true, slug: true, name: true } },
      createdBy: { select: { id: true, name: true, email: true } },
      automations: { select: { id: true, name: true, status: true }, orderBy: { createdAt: "asc" } },
      // The cache never holds trashed records, but count live ones only all the same.
      _count: { select: { members: { where: { record: { deletedAt: null } } } } },
    },
  });
  return segments.map((s) => ({
    id: s.id, name: s.name, entity: s.entity, filter: s.filter as SegmentFilter, createdBy: s.createdBy,
    memberCount: s._count.members, automations: s.automations, createdAt: s.createdAt.toISOString(),
  }));
}
