import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { decodeCursor, encodeCursor, type Position } from "./cursor";

function after(p: Position, direction: "next" | "prev"): Prisma.RecordWhereInput {
  const cmp = direction === "next" ? "lt" : "gt";
  return { OR: [{ createdAt: { [cmp]: p.createdAt } }, { createdAt: p.createdAt, id: { [cmp]: p.id } }] };
}

export interface KeysetInput {
  cursor?: string;
  direction: "next" | "prev";
  limit: number;
}

/**
 * One page of records matching `where`, newest first, by keyset on (createdAt, id) in both
 * directions: stable under inserts and deletes, and as fast on page 500 as on page 1.
 */
export async function keysetRecordPage<S extends Prisma.RecordSelect & { id: true; createdAt: true }>(
  where: Prisma.RecordWhereInput,
  select: S,
  input: KeysetInput,
) {
  const position = input.cursor ? decodeCursor(input.cursor) : null;
  const order = input.direction === "next" ? "desc" : "asc";
  const [rows, totalCount] = await Promise.all([
    db().record.findMany({
      where: position ? { AND: [where, after(position, input.direction)] } : where,
      orderBy: [{ createdAt: order }, { id: order }],
      take: input.limit + 1,
      select,
    }),
    db().record.count({ where }),
  ]);
  const hasMore = rows.length > input.limit;
  const page = rows.slice(0, input.limit);
  if (input.direction === "prev") page.reverse();
  const first = page[0] as { createdAt: Date; id: string } | undefined;
  const last = page[page.length - 1] as { createdAt: Date; id: string } | undefined;
  const hasNext = input.direction === "next" ? hasMore : true;
  const hasPrev = input.direction === "prev" ? hasMore : position !== null;
  return {
    rows: page,
    nextCursor: hasNext && last ? encodeCursor(last) : null,
    prevCursor: hasPrev && first ? encodeCursor(first) : null,
    totalCount,
  };
}
