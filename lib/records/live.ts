import type { Prisma } from "@/generated/prisma/client";

/**
 * The one place that says what "live" and "in the trash" mean for a record. Every query of
 * records starts from these helpers; nested filters (a relation's other end, a segment's
 * member) use LIVE as it is.
 */
export const LIVE = { deletedAt: null } satisfies Prisma.RecordWhereInput;
export const TRASHED = { deletedAt: { not: null } } satisfies Prisma.RecordWhereInput;

/** `where` within the workspace and state; a `where` that names either too is ANDed, never overwritten. */
function scoped(
  state: Prisma.RecordWhereInput,
  workspaceId: string,
  where: Prisma.RecordWhereInput,
): Prisma.RecordWhereInput {
  const scope = { workspaceId, ...state };
  return where.deletedAt === undefined && where.workspaceId === undefined
    ? { ...where, ...scope }
    : { AND: [where, scope] };
}

/** Records of the workspace that are not in the trash. */
export function liveRecords(workspaceId: string, where: Prisma.RecordWhereInput = {}): Prisma.RecordWhereInput {
  return scoped(LIVE, workspaceId, where);
}

/** Records of the workspace that are in the trash (`where` may narrow deletedAt further). */
export function trashedRecords(workspaceId: string, where: Prisma.RecordWhereInput = {}): Prisma.RecordWhereInput {
  return scoped(TRASHED, workspaceId, where);
}
