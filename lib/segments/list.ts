import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { canDeleteSegment } from "@/lib/permissions";
import { LIVE } from "@/lib/records/live";
import { segmentFilterSchema, type SegmentFilter } from "./filter";

export interface SegmentRow {
  id: string;
  name: string;
  entity: { id: string; slug: string; name: string };
  filter: SegmentFilter;
  createdBy: { id: string; name: string; email: string } | null;
  memberCount: number;
  automations: { id: string; name: string; status: "ACTIVE" | "PAUSED" | "DETACHED" }[];
  createdAt: string;
  /** Whether the caller may delete it (their own, or OWNER); the server checks again anyway. */
  canDelete: boolean;
}

const rowSelect = {
  id: true,
  name: true,
  filter: true,
  createdAt: true,
  createdById: true,
  entity: { select: { id: true, slug: true, name: true } },
  createdBy: { select: { id: true, name: true, email: true } },
  automations: { select: { id: true, name: true, status: true }, orderBy: { createdAt: "asc" } },
  // The cache never holds trashed records, but count live ones only all the same.
  _count: { select: { members: { where: { record: LIVE } } } },
} satisfies Prisma.SegmentSelect;

function toRow(actor: Actor, s: Prisma.SegmentGetPayload<{ select: typeof rowSelect }>): SegmentRow {
  const filter = segmentFilterSchema.safeParse(s.filter);
  return {
    id: s.id,
    name: s.name,
    entity: s.entity,
    filter: filter.success ? filter.data : { conditions: [] },
    createdBy: s.createdBy,
    memberCount: s._count.members,
    automations: s.automations,
    createdAt: s.createdAt.toISOString(),
    canDelete: canDeleteSegment(actor, s),
  };
}

/** Every segment of the caller's workspace, newest first, with creator, members and automations. */
export async function listSegments(actor: Actor): Promise<SegmentRow[]> {
  assertCan(actor, "records.read");
  const segments = await db().segment.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: rowSelect,
  });
  return segments.map((s) => toRow(actor, s));
}

/** One segment of the caller's workspace; another workspace's answers like an unknown id. */
export async function getSegment(actor: Actor, { id }: { id: string }): Promise<SegmentRow> {
  assertCan(actor, "records.read");
  const segment = await db().segment.findFirst({ where: { id, workspaceId: actor.workspaceId }, select: rowSelect });
  if (!segment) throw notFound("Segment");
  return toRow(actor, segment);
}
