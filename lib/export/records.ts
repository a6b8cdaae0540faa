import type { Actor } from "@/lib/actor";
import { resolveEntity } from "@/lib/entities";
import { assertCan } from "@/lib/permissions";
import { keysetRecordPage } from "@/lib/records/keyset";
import { recordsView } from "@/lib/records/view";
import type { RecordsViewFilter } from "./schemas";
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

const COLUMNS = [...RECORD_COLUMNS, "owner", "createdBy", "createdAt"];

/**
 * The records view as it is filtered (entity, search), every row of it newest first like the
 * list, with every attribute of the entity as a column. Read a page at a time. Whoever may
 * read records may export them.
 */
export async function exportRecords(actor: Actor, filter: RecordsViewFilter, now: Date): Promise<ExportTable> {
  assertCan(actor, "records.read");
  const entity = filter.entity ? await resolveEntity(actor, filter.entity) : null;
  const view = recordsView(actor.workspaceId, entity?.id ?? null, filter.q);
  const keys = await attributeKeys(actor, entity?.slug);
  const select = {
    ...RECORD_EXPORT_SELECT,
    createdAt: true,
    owner: { select: { email: true } },
    createdBy: { select: { email: true } },
  } as const;
  const records = allRows(async (cursor) => {
    const page = await keysetRecordPage(view.where, select, { cursor, direction: "next", limit: EXPORT_PAGE }, view);
    return { items: page.rows, nextCursor: page.nextCursor };
  });
  async function* rows() {
    for await (const r of records) {
      yield [
        ...recordCells(r),
        r.owner?.email ?? "",
        r.createdBy?.email ?? "",
        r.createdAt,
        ...attributeCells(r.attributes, keys),
      ];
    }
  }
  return {
    name: `${entity?.slug ?? "records"}-${now.toISOString().slice(0, 10)}`,
    columns: [...COLUMNS, ...keys],
    rows: rows(),
  };
}
