import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { beyond, cappedCount, cutPage, readOrder, type PageRequest } from "@/lib/pagination/keyset";

/**
 * At most this many matches of a search are read from the search indexes and sorted, rather
 * than found by walking the list's index in page order (see `keysetRecordPage`).
 */
export const SPARSE_MATCHES = 2_000;

/**
 * One page of records matching `where`, newest first, by keyset on (createdAt, id) in both
 * directions: stable under inserts and deletes. Used by the records list, segment members and
 * the export. `searched`: `where` holds a condition the list's index cannot check (a search).
 */
export async function keysetRecordPage<S extends Prisma.RecordSelect & { id: true; createdAt: true }>(
  where: Prisma.RecordWhereInput,
  select: S,
  request: PageRequest,
  { searched = false }: { searched?: boolean } = {},
) {
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
  if (!searched) {
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
  const page = cutPage(rows, request, (r) => {
    const row = r as { createdAt: Date; id: string };
    return { at: row.createdAt, id: row.id };
  });
  return { rows: page.items, nextCursor: page.nextCursor, prevCursor: page.prevCursor, ...count };
}
