import { Prisma } from "@/generated/prisma/client";

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

/** The same two states in raw SQL, for statements Prisma cannot express; `alias` names the Record table's alias. */
export function liveSql(alias?: string): Prisma.Sql {
  return Prisma.sql`${column(alias)} IS NULL`;
}

export function trashedSql(alias?: string): Prisma.Sql {
  return Prisma.sql`${column(alias)} IS NOT NULL`;
}

function column(alias: string | undefined): Prisma.Sql {
  if (alias !== undefined && !/^[a-z]\w*$/i.test(alias)) throw new Error(`Not an SQL alias: ${alias}`);
  return Prisma.raw(alias ? `${alias}."deletedAt"` : `"deletedAt"`);
}
