import { z } from "zod";
import { cursorSchema, encodeCursor, type Position } from "./cursor";

export type SortOrder = "asc" | "desc";
export type Direction = "next" | "prev";

export interface PageRequest {
  cursor?: Position;
  direction: Direction;
  limit: number;
}

export interface Paged<T> {
  items: T[];
  nextCursor: string | null;
  prevCursor: string | null;
}

/** An empty `?cursor=` is no cursor: forms and links send it that way. */
export const optionalCursorSchema = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  cursorSchema.optional(),
);

/** The paging part of every list input: cursor, direction and page size, parsed once. */
export const pageRequestShape = {
  cursor: optionalCursorSchema,
  direction: z.enum(["next", "prev"]).default("next"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

/** The order rows are read in: the list's own order going forward, reversed going back. */
export function readOrder(order: SortOrder, direction: Direction): SortOrder {
  return direction === "next" ? order : order === "asc" ? "desc" : "asc";
}

/**
 * Rows strictly beyond `p` in reading order, for a list sorted by (field, id): a keyset
 * condition that an index on (field, id) serves, as fast on page 500 as on page 1. Written as
 * `field ≤ at AND (field < at OR id < p.id)` (for a descending read) rather than the plain OR,
 * so the first half is a range on the index where the scan starts, not a filter on every row.
 */
export function beyond(field: string, p: Position, order: SortOrder, direction: Direction) {
  const [cmp, cmpOrEqual] = readOrder(order, direction) === "asc" ? ["gt", "gte"] : ["lt", "lte"];
  return {
    AND: [{ [field]: { [cmpOrEqual]: p.at } }, { OR: [{ [field]: { [cmp]: p.at } }, { id: { [cmp]: p.id } }] }],
  };
}

/** Paged lists count their rows up to this many: "10,000+ records" costs what 10,000 rows do, not what 200,000 do. */
export const COUNT_CAP = 10_000;

export interface CappedCount {
  /** Exact up to COUNT_CAP; COUNT_CAP when there are more. */
  totalCount: number;
  /** There are more than COUNT_CAP: show "10,000+". */
  totalCountCapped: boolean;
}

/** `count(take)` counts at most `take` rows (Prisma's `count({ where, take })`). */
export async function cappedCount(count: (take: number) => Promise<number>): Promise<CappedCount> {
  const n = await count(COUNT_CAP + 1);
  return { totalCount: Math.min(n, COUNT_CAP), totalCountCapped: n > COUNT_CAP };
}

/** Cuts a page from `limit + 1` rows read in reading order, and says where the pages around it start. */
/**
 * `hasMore`: when the rows were read by ids found earlier, whether more ids than a page were
 * found; a row that vanished in between must not take the next page's link with it.
 */
export function cutPage<R>(
  rows: R[],
  request: PageRequest,
  positionOf: (row: R) => Position,
  hasMore = rows.length > request.limit,
): Paged<R> {
  const items = rows.slice(0, request.limit);
  if (request.direction === "prev") items.reverse();
  const first = items[0];
  const last = items[items.length - 1];
  // Going back from a cursor, there is always a page after; going forward, one before.
  const hasNext = request.direction === "next" ? hasMore : true;
  const hasPrev = request.direction === "prev" ? hasMore : request.cursor !== undefined;
  return {
    items,
    nextCursor: hasNext && last ? encodeCursor(positionOf(last)) : null,
    prevCursor: hasPrev && first ? encodeCursor(positionOf(first)) : null,
  };
}
