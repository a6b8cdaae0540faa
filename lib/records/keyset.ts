import { Prisma } from "@/generated/prisma/client";
import { db, selectRows } from "@/lib/db/client";
import { beyond, cappedCount, COUNT_CAP, cutPage, readOrder, type PageRequest } from "@/lib/pagination/keyset";

/**
 * At most this many matches of a search are read from the search indexes and sorted, rather
 * than found by walking the list's index in page order (see `keysetRecordPage`).
 */
export const SPARSE_MATCHES = 2_000;

/**
 * One page of records matching `where`, newest first, by keyset on (createdAt, id) in both
 * directions: stable under inserts and deletes. Used by the records list, segment members and
 * the export. `searchedSql`: `where` holds a condition the list's index cannot check (a search),
 * and this is all of `where` in SQL (`recordsView`).
 */
export async function keysetRecordPage<S extends Prisma.RecordSelect & { id: true; createdAt: true }>(
  where: Prisma.RecordWhereInput,
  select: S,
  request: PageRequest,
  { searchedSql = null }: { searchedSql?: Prisma.Sql | null } = {},
) {
  const searched = searchedSql !== null;
  const order = readOrder("desc", request.direction);
  const readPage = (client: Pick<Prisma.TransactionClient, "record"> = db()) =>
    client.record.findMany({
      where: request.cursor ? { AND: [where, beyond("createdAt", request.cursor, "desc", request.direction)] } : where,
      orderBy: [{ createdAt: order }, { id: order }],
      take: request.limit + 1,
      select,
    });
  // Prisma orders a count with `take` by id unless told otherwise, which sorts every match
  // before it can stop; in the page's own order the index scan stops at the cap.
  const countMatches = () =>
    cappedCount((take) => db().record.count({ where, take, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }));

  let rows: Awaited<ReturnType<typeof readPage>>;
  let count: Awaited<ReturnType<typeof countMatches>>;
  let hasMore: boolean | undefined;
  if (searchedSql && !request.cursor && request.direction === "next") {
    // A search's first page (what a person waits on after typing): its count and its page in one
    // statement, so the search indexes are read once rather than twice (their cost grows with the
    // table: a third of a search's time at a million records), then the page's rows by id.
    const [found] = await selectRows<{ total: number; ids: string[] }[]>`
      WITH matches AS MATERIALIZED (
        SELECT id, "createdAt" FROM "Record" WHERE ${searchedSql}
        ORDER BY "createdAt" DESC, id DESC LIMIT ${COUNT_CAP + 1}
      )
      SELECT (SELECT count(*)::int FROM matches) AS total,
             ARRAY(SELECT id FROM matches ORDER BY "createdAt" DESC, id DESC LIMIT ${request.limit + 1}) AS ids`;
    const { total, ids } = found!;
    const position = new Map(ids.map((id, i) => [id, i]));
    // `where` again: a row changed between the two statements is left out, never shown unmatched.
    const read = await db().record.findMany({ where: { AND: [where, { id: { in: ids } }] }, select });
    const at = (r: unknown) => position.get((r as { id: string }).id)!;
    rows = read.sort((a, b) => at(a) - at(b));
    hasMore = ids.length > request.limit;
    count = { totalCount: Math.min(total, COUNT_CAP), totalCountCapped: total > COUNT_CAP };
  } else if (!searched) {
    [rows, count] = await Promise.all([readPage(), countMatches()]);
  } else {
    // A search's page can be planned two ways: walk the list's index in page order, testing each
    // row, until a page of matches turns up (fast when matches are many), or read the matches
    // from the search indexes and sort them (fast when they are few). The planner guesses from
    // sampled statistics and, when it guesses many for a rare term, walks the whole index (40 ms
    // instead of 2 at 200,000 records). The count says which it is, so the page need not guess.
    count = await countMatches();
    rows =
      count.totalCount > SPARSE_MATCHES
        ? await readPage()
        : await db().$transaction(async (tx) => {
            await tx.$executeRaw`SET LOCAL enable_indexscan = off`;
            return readPage(tx);
          });
  }
  const page = cutPage(
    rows,
    request,
    (r) => {
      const row = r as { createdAt: Date; id: string };
      return { at: row.createdAt, id: row.id };
    },
    hasMore,
  );
  return { rows: page.items, nextCursor: page.nextCursor, prevCursor: page.prevCursor, ...count };
}
