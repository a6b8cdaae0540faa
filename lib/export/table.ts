import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { listEntities } from "@/lib/entities";
import { decodeCursor, type Position } from "@/lib/pagination/cursor";
import { entityFields } from "@/lib/segments/fields";
import { RECORD_FIELD_NAMES } from "@/lib/universal/record-fields";

/** An export as the domain gives it: columns and rows, read lazily; a door writes it as CSV. */
export interface ExportTable {
  /** File name without extension. */
  name: string;
  columns: string[];
  rows: AsyncIterable<unknown[]>;
}

/** Every row of a keyset-paged read, page by page, never all in memory. */
export async function* allRows<T>(
  readPage: (cursor: Position | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): AsyncGenerator<T> {
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

/** The attribute keys of one entity (or of all), record fields aside: an export's columns after its own. */
export async function attributeKeys(actor: Actor, entitySlug?: string): Promise<string[]> {
  const entities = (await listEntities(actor)).filter((e) => !entitySlug || e.slug === entitySlug);
  const keys = (await Promise.all(entities.map((e) => entityFields(db(), actor.workspaceId, e.id)))).flat();
  return [...new Set(keys)].filter((k) => !(RECORD_FIELD_NAMES as string[]).includes(k));
}

/** A record's attribute values in `keys` order; nested values as JSON. */
export function attributeCells(attributes: unknown, keys: string[]): unknown[] {
  const values = (attributes ?? {}) as Record<string, unknown>;
  return keys.map((k) => (typeof values[k] === "object" && values[k] !== null ? JSON.stringify(values[k]) : values[k]));
}

/** What every record export reads of a record, and its first columns. */
export const RECORD_EXPORT_SELECT = {
  id: true,
  recordNumber: true,
  name: true,
  phoneNumber: true,
  externalProvider: true,
  externalId: true,
  attributes: true,
  entity: { select: { slug: true } },
} as const;
export const RECORD_COLUMNS = ["id", "recordNumber", "name", "entity", "phoneNumber", "externalProvider", "externalId"];

interface ExportedRecord {
  id: string;
  recordNumber: bigint;
  name: string;
  phoneNumber: string | null;
  externalProvider: string | null;
  externalId: string | null;
  entity: { slug: string };
}

/** A record's first cells, in RECORD_COLUMNS order. */
export const recordCells = (r: ExportedRecord): unknown[] => [
  r.id,
  r.recordNumber.toString(),
  r.name,
  r.entity.slug,
  r.phoneNumber,
  r.externalProvider,
  r.externalId,
];
