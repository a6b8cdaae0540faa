import { Prisma } from "@/generated/prisma/client";
import { selectRows } from "@/lib/db/client";
import { sqlMillis, sqlTime } from "@/lib/db/sql-time";
import type { Position } from "@/lib/pagination/cursor";
import { COUNT_CAP, cutPage, readOrder, type CappedCount, type PageRequest } from "@/lib/pagination/keyset";

/** A list row as `plainRecordPage` reads it: the shape `RECORD_ROW_SELECT` gives, owner flattened. */
export interface PlainRow {
  id: string;
  recordNumber: bigint;
  entityId: string;
  name: string;
  phoneNumber: string | null;
  externalProvider: string | null;
  externalId: string | null;
  attributes: unknown;
  createdAt: Date;
  ownerName: string | null;
}

/**
 * `beyond` (lib/pagination/keyset.ts) in SQL, on (createdAt, id) read in `order`: a range on the
 * list index where the scan starts, then the tie on id.
 */
function beyondSql(p: Position, order: "asc" | "desc"): Prisma.Sql {
  const [cmp, cmpOrEqual] = order === "asc" ? [Prisma.raw(">"), Prisma.raw(">=")] : [Prisma.raw("<"), Prisma.raw("<=")];
  // sqlTime: a Date parameter would be compared in the session's time zone (the e2e server runs in
  // Pacific/Auckland to catch that), and paging back would skip or repeat rows.
  const at = sqlTime(p.at);
  return Prisma.sql`AND "createdAt" ${cmpOrEqual} ${at} AND ("createdAt" ${cmp} ${at} OR id ${cmp} ${p.id})`;
}

/**
 * One page of a records view without a search (`viewSql`, the view's whole condition on
 * "Record"), newest first by keyset on (createdAt, id), and the view's capped count, in one
 * statement. Prisma's page (with its owner) and its count were two statements, each compiled
 * on the event loop first (Prisma 6.19): on PGlite, where the database shares that thread, the
 * two took about twice this one's time. `lib/records/list.test.ts` holds it to Prisma's rows.
 */
export async function plainRecordPage(
  viewSql: Prisma.Sql,
  request: PageRequest,
): Promise<CappedCount & { rows: PlainRow[]; nextCursor: string | null; prevCursor: string | null }> {
  const order = readOrder("desc", request.direction);
  const sort = Prisma.raw(order === "asc" ? "ASC" : "DESC");
  const cursor = request.cursor ? beyondSql(request.cursor, order) : Prisma.empty;
  // The count's own subquery stops at the cap in the list index's order; the page joins its
  // 51 rows to their owners. LEFT JOIN on true: an empty page still answers its count.
  // The creation time as epoch milliseconds (sqlMillis): a Date read back moves on PGlite.
  const found = await selectRows<
    (Omit<PlainRow, "createdAt"> & { createdAtMs: number; total: number; present: boolean })[]
  >`
    WITH page AS (
      SELECT id, "recordNumber", "entityId", name, "phoneNumber", "externalProvider", "externalId",
             attributes, "createdAt", "ownerId"
      FROM "Record" WHERE ${viewSql} ${cursor}
      ORDER BY "createdAt" ${sort}, id ${sort} LIMIT ${request.limit + 1}
    ), matches AS (
      SELECT count(*)::int AS total FROM (
        SELECT 1 FROM "Record" WHERE ${viewSql}
        ORDER BY "createdAt" DESC, id DESC LIMIT ${COUNT_CAP + 1}
      ) capped
    )
    SELECT matches.total, page.id IS NOT NULL AS present, page.id, page."recordNumber", page."entityId",
           page.name, page."phoneNumber", page."externalProvider", page."externalId", page.attributes,
           ${sqlMillis(Prisma.raw('page."createdAt"'))} AS "createdAtMs", owner.name AS "ownerName"
    FROM matches
    LEFT JOIN page ON true
    LEFT JOIN "User" owner ON owner.id = page."ownerId"
    ORDER BY page."createdAt" ${sort}, page.id ${sort}`;
  const total = found[0]?.total ?? 0;
  const rows = found
    .filter((r) => r.present)
    .map(({ total: _, present: __, createdAtMs, ...row }) => ({ ...row, createdAt: new Date(createdAtMs) }));
  const page = cutPage(rows, request, (r) => ({ at: r.createdAt, id: r.id }));
  return {
    rows: page.items,
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    totalCount: Math.min(total, COUNT_CAP),
    totalCountCapped: total > COUNT_CAP,
  };
}
