import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import {
  allRows,
  attributeCells,
  attributeKeys,
  EXPORT_PAGE,
  RECORD_COLUMNS,
  RECORD_EXPORT_SELECT,
  recordCells,
  type ExportTable,
} from "./table";
import { beyond, cutPage } from "@/lib/pagination/keyset";
import { trashFilterWhere } from "@/lib/trash/list";
import type { TrashFilter } from "@/lib/trash/schemas";

const COLUMNS = [...RECORD_COLUMNS, "deletedAt", "deletedBy", "purgeAt", "heldAt"];

/**
 * Everything a trash view holds ("all matching" its filter) or the selected rows of it, soonest purge first, as a table:
 * the record's columns, its trash fields, then one column per attribute key of its entities.
 * Read a page at a time. Whoever may see the view may export it.
 */
export async function exportTrash(
  actor: Actor,
  filter: TrashFilter & { ids?: string[] },
  now: Date,
): Promise<ExportTable> {
  const { where: view, retention } = await trashFilterWhere(actor, filter, now);
  // A selection: those of its rows that are in the view (so never more than the caller may see).
  const where = filter.ids ? { AND: [view, { id: { in: filter.ids } }] } : view;
  const keys = await attributeKeys(actor, filter.entity);
  const records = allRows(async (cursor) => {
    const input = { cursor, direction: "next" as const, limit: EXPORT_PAGE };
    const page = await db().record.findMany({
      where: cursor ? { AND: [where, beyond("deletedAt", cursor, "asc", "next")] } : where,
      orderBy: [{ deletedAt: "asc" }, { id: "asc" }],
      take: EXPORT_PAGE + 1,
      select: { ...RECORD_EXPORT_SELECT, deletedAt: true, heldAt: true, deletedBy: { select: { email: true } } },
    });
    return cutPage(page, input, (r) => ({ at: r.deletedAt!, id: r.id }));
  });
  async function* rows() {
    for await (const r of records) {
      yield [
        ...recordCells(r),
        r.deletedAt,
        r.deletedBy?.email ?? "",
        retention.purgeAt(r.deletedAt!),
        r.heldAt,
        ...attributeCells(r.attributes, keys),
      ];
    }
  }
  return { name: `trash-${now.toISOString().slice(0, 10)}`, columns: [...COLUMNS, ...keys], rows: rows() };
}
