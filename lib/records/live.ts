import type { Prisma } from "@/generated/prisma/client";

/**
 * The one place that says "live": a record in the workspace that is not in the trash.
 * Every list, search, relation and segment query starts from here.
 */
export function liveRecords(workspaceId: string, where: Prisma.RecordWhereInput = {}): Prisma.RecordWhereInput {
  return { ...where, workspaceId, deletedAt: null };
}

/** Relations whose both ends are live: a trashed record vanishes from the other side's list. */
export function liveRelationEnds(): Prisma.RelationWhereInput {
  return { fromRecord: { deletedAt: null }, toRecord: { deletedAt: null } };
}
