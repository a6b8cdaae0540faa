import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { listEntities } from "@/lib/entities";
import { allRows, EXPORT_PAGE, type ExportTable } from "@/lib/export/table";
import { purgeAt } from "@/lib/purge/retention";
import { entityFields } from "@/lib/segments/fields";
import { RECORD_FIELD_NAMES } from "@/lib/segments/filter";
import { beyond, cutPage } from "@/lib/pagination/keyset";
import { trashFilterWhere } from "./list";
import type { TrashFilter } from "./schemas";

const COLUMNS = ["id", "recordNumber", "name", "entity", "phoneNumber", "externalProvider", "externalId", "deletedAt", "deletedBy", "purgeAt", "heldAt"];

/**
 * Everything a trash view holds ("all matching" its filter), soonest purge first, as a table:
 * the record's columns, its trash fields, then one column per attribute key of its entities.
 * Read a page at a time. Whoever may see the view may export it.
 */
export async function exportTrash(actor: Actor, filter: TrashFilter, now: Date): Promise<ExportTable> {
  const { where, retentionDays } = await trashFilterWhere(actor, filter, now);
  const entities = (await listEntities(actor)).filter((e) => !filter.entity || e.slug === filter.entity);
  const keys = [...new Set((await Promise.all(entities.map((e) => entityFields(db(), actor.workspaceId, e.id)))).flat())]
    .filter((k) => !(RECORD_FIELD_NAMES as string[]).includes(k));
  const records = allRows(async (cursor) => {
    const input = { cursor, direction: "next" as const, limit: EXPORT_PAGE };
    const page = await db().record.findMany({
      where: cursor ? { AND: [where, beyond("deletedAt", cursor, "asc", "next")] } : where,
      orderBy: [{ deletedAt: "asc" }, { id: "asc" }],
      take: EXPORT_PAGE + 1,
      select: {
        id: true, recordNumber: true, name: true, phoneNumber: true, externalProvider: true, externalId: true, attributes: true, deletedAt: true, heldAt: true,
        entity: { select: { slug: true } }, deletedBy: { select: { email: true } },
      },
    });
    return cutPage(page, input, (r) => ({ at: r.deletedAt!, id: r.id }));
  });
  async function* rows() {
    for await (const r of records) {
      const attributes = (r.attributes ?? {}) as Record<string, unknown>;
      yield [
        r.id, r.recordNumber.toString(), r.name, r.entity.slug, r.phoneNumber, r.externalProvider, r.externalId,
        r.deletedAt, r.deletedBy?.email ?? "", purgeAt(r.deletedAt!, retentionDays), r.heldAt,
        ...keys.map((k) => (typeof attributes[k] === "object" && attributes[k] !== null ? JSON.stringify(attributes[k]) : attributes[k])),
      ];
    }
  }
  return { name: `trash-${now.toISOString().slice(0, 10)}`, columns: [...COLUMNS, ...keys], rows: rows() };
}
