import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { beyond, cappedCount, cutPage, readOrder, type PageRequest } from "@/lib/pagination/keyset";

/**
 * One page of records matching `where`, newest first, by keyset on (createdAt, id) in both
 * directions: stable under inserts and deletes. Used by the records list and segment members.
 */
export async function keysetRecordPage<S extends Prisma.RecordSelect & { id: true; createdAt: true }>(
  where: Prisma.RecordWhereInput,
  select: S,
  request: PageRequest,
) {
  const order = readOrder("desc", request.direction);
  const [rows, count] = await Promise.all([
    db().record.findMany({
      where: request.cursor ? { AND: [where, beyond("createdAt", request.cursor, "desc", request.direction)] } : where,
      orderBy: [{ createdAt: order }, { id: order }],
      take: request.limit + 1,
      select,
    }),
    // Prisma orders a count with `take` by id unless told otherwise, which sorts every match
    // before it can stop; in the page's own order the index scan stops at the cap.
    cappedCount((take) => db().record.count({ where, take, orderBy: [{ createdAt: "desc" }, { id: "desc" }] })),
  ]);
  const page = cutPage(rows, request, (r) => {
    const row = r as { createdAt: Date; id: string };
    return { at: row.createdAt, id: row.id };
  });
  return { rows: page.items, nextCursor: page.nextCursor, prevCursor: page.prevCursor, ...count };
}
