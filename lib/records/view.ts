import { Prisma } from "@/generated/prisma/client";
import { liveRecords, liveSql } from "./live";
import { searchSql, searchWhere } from "./search";

/**
 * The live records a records view shows: the workspace's, of one entity or every one, narrowed
 * by a search. `where` is what Prisma reads; `searchedSql` is the same condition in SQL when a
 * search narrows it, so the first page of a search can count and page in one statement
 * (`keysetRecordPage`). `lib/records/list.test.ts` holds the two forms to the same rows.
 */
export interface RecordsView {
  where: Prisma.RecordWhereInput;
  searchedSql: Prisma.Sql | null;
}

export function recordsView(workspaceId: string, entityId: string | null, q: string | undefined): RecordsView {
  const where = liveRecords(workspaceId, { ...(entityId ? { entityId } : {}), ...searchWhere(q) });
  const search = searchSql(q);
  if (!search) return { where, searchedSql: null };
  const entity = entityId ? Prisma.sql`AND "entityId" = ${entityId}` : Prisma.empty;
  return { where, searchedSql: Prisma.sql`"workspaceId" = ${workspaceId} AND ${liveSql()} ${entity} AND ${search}` };
}
