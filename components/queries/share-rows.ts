import { replaceEqualDeep } from "@tanstack/react-query";

interface Page {
  items: { id: string }[];
}

const isPage = (data: unknown): data is Page =>
  typeof data === "object" && data !== null && Array.isArray((data as Page).items);

/**
 * React Query's structural sharing for a page of rows, matching rows by id instead of by place.
 * The default compares old and new data index by index: once a row leaves a page (a delete, a
 * restore), every row below it sits one place up and came back as a new object, so the table
 * rendered all fifty again (and updated every checkbox) before the toast could show. Matched by
 * id, a row whose data did not change keeps its object, and the table's memoized row skips it.
 */
export function shareRowsById(previous: unknown, next: unknown): unknown {
  if (!isPage(previous) || !isPage(next)) return replaceEqualDeep(previous, next);
  const before = new Map(previous.items.map((row) => [row.id, row]));
  let sameItems = previous.items.length === next.items.length;
  const items = next.items.map((row, i) => {
    const old = before.get(row.id);
    const kept = old === undefined ? row : replaceEqualDeep(old, row);
    if (kept !== previous.items[i]) sameItems = false;
    return kept;
  });
  const rest = { ...previous, items: null };
  const sameRest = replaceEqualDeep(rest, { ...next, items: null }) === rest;
  return sameItems && sameRest ? previous : { ...next, items };
}
