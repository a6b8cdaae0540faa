import { decodeCursor, type Position } from "@/lib/pagination/cursor";

/** An export as the domain gives it: columns and rows, read lazily; a door writes it as CSV. */
export interface ExportTable {
  /** File name without extension. */
  name: string;
  columns: string[];
  rows: AsyncIterable<unknown[]>;
}

/** Every row of a keyset-paged read, page by page, never all in memory. */
export async function* allRows<T>(readPage: (cursor: Position | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): AsyncGenerator<T> {
  let cursor: Position | undefined;
  for (;;) {
    const page = await readPage(cursor);
    yield* page.items;
    const next = page.nextCursor ? decodeCursor(page.nextCursor) : null;
    if (!next) return;
    cursor = next;
  }
}

/** How many rows an export reads per query. */
export const EXPORT_PAGE = 200;
