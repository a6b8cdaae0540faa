import { Prisma } from "@/generated/prisma/client";
import { liveRecords, liveSql } from "./live";
import { searchSql, searchWhere } from "./search";

/**
 * The live records a records view shows: the workspace's, of one entity or every one, narrowed
 * by a search. `where` is what Prisma reads; `sql` is the same condition in SQL, so a page can
 * count and read in one statement (`plainRecordPage`, and a search's first page in
 * `keysetRecordPage`); `searchedSql` is it again when a search narrows the view.
 * `lib/records/list.test.ts` holds the two forms to the same rows.
 */
export interface RecordsView {
  where: Prisma.RecordWhereInput;
  sql: Prisma.Sql;
  searchedSql: Prisma.Sql | null;
}

export function recordsView(workspaceId: string, entityId: string | null, q: string | undefined): RecordsView {
  const where = liveRecords(workspaceId, { ...(entityId ? { entityId } : {}), ...searchWhere(q) });
  const entity = entityId ? Prisma.sql`AND "entityId" = ${entityId}` : Prisma.empty;
  const sql = Prisma.sql`"workspaceId" = ${workspaceId} AND ${liveSql()} ${entity}`;
  const search = searchSql(q);
  if (!search) return { where, sql, searchedSql: null };
  const searchedSql = Prisma.sql`${sql} AND ${search}`;
  return { where, sql: searchedSql, searchedSql };
}
