import type { Actor } from "@/lib/actor";
import { db, selectRows } from "@/lib/db/client";
import type { Tx } from "@/lib/db/tx";
import { resolveEntity, type EntitySummary } from "@/lib/entities";
import { assertCan } from "@/lib/permissions";
import type { DeclaredField } from "@/lib/universal/fields";

const SELECT = {
  id: true,
  name: true,
  label: true,
  type: true,
  required: true,
  options: true,
  retiredAt: true,
} as const;

/**
 * An entity's declared fields in their order, retired ones included (flagged). A plain statement:
 * every records page and every write reads it, and an ORM read costs about twice its time.
 */
export async function declaredFields(entityId: string, tx?: Tx): Promise<DeclaredField[]> {
  const read = tx ? tx.$queryRaw.bind(tx) : selectRows;
  return read<DeclaredField[]>`
    SELECT id, name, label, type::text AS type, required, options, "retiredAt" IS NOT NULL AS retired
    FROM "EntityField" WHERE "entityId" = ${entityId}
    ORDER BY position, "createdAt"`;
}

/** The one field list every door reads: an entity of the caller's workspace and its declared fields. */
export async function listFields(
  actor: Actor,
  { entity: ref }: { entity: string },
): Promise<{ entity: EntitySummary; fields: DeclaredField[] }> {
  assertCan(actor, "records.read");
  const entity = await resolveEntity(actor, ref);
  return { entity, fields: await declaredFields(entity.id) };
}

/** Every entity's live fields, by slug (the dashboard's dialogs). */
export async function fieldsBySlug(actor: Actor): Promise<Record<string, DeclaredField[]>> {
  assertCan(actor, "records.read");
  const rows = await db().entityField.findMany({
    where: { workspaceId: actor.workspaceId, retiredAt: null },
    select: { ...SELECT, entity: { select: { slug: true } } },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  const out: Record<string, DeclaredField[]> = {};
  for (const { entity, retiredAt, ...f } of rows) (out[entity.slug] ??= []).push({ ...f, retired: retiredAt !== null });
  return out;
}
