import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/lib/actor";

export interface EntitySummary {
  id: string;
  slug: string;
  name: string;
}

export async function listEntities(actor: Actor): Promise<EntitySummary[]> {
  return db().entity.findMany({
    where: { workspaceId: actor.workspaceId },
    select: { id: true, slug: true, name: true },
    orderBy: { createdAt: "asc" },
  });
}

/** An entity of the caller's workspace by id or (case-insensitive) slug; another workspace's is "not found". */
export async function resolveEntity(actor: Actor, idOrSlug: string): Promise<EntitySummary> {
  const entity = await db().entity.findFirst({
    where: { workspaceId: actor.workspaceId, OR: [{ id: idOrSlug }, { slug: idOrSlug.toLowerCase() }] },
    select: { id: true, slug: true, name: true },
  });
  if (!entity) throw notFound("Entity");
  return entity;
}

export interface EntityField {
  name: string;
  /** The JSON type its values have most often: string, integer, double, boolean, object, array. */
  type: string;
  /** A record column rather than an attribute. */
  column: boolean;
}

const COLUMN_FIELDS: EntityField[] = [
  { name: "name", type: "string", column: true },
  { name: "phone_number", type: "phone", column: true },
  { name: "external_provider", type: "string", column: true },
  { name: "external_id", type: "string", column: true },
];

/**
 * The fields of an entity's records: the record columns, then every attribute key its records
 * carry with the type most of its values have (entities have no declared schema).
 */
export async function listEntityFields(
  actor: Actor,
  idOrSlug: string,
): Promise<{ entity: EntitySummary; fields: EntityField[] }> {
  const entity = await resolveEntity(actor, idOrSlug);
  const rows = await db().$queryRaw<{ key: string; type: string }[]>`
    SELECT DISTINCT ON (key) key, type FROM (
      SELECT e.key, CASE WHEN jsonb_typeof(e.value) = 'number'
                      THEN CASE WHEN e.value::text ~ '^-?[0-9]+$' THEN 'integer' ELSE 'double' END
                      ELSE jsonb_typeof(e.value) END AS type, count(*) AS n
      FROM "Record", jsonb_each(CASE WHEN jsonb_typeof(attributes) = 'object' THEN attributes ELSE '{}'::jsonb END) AS e
      WHERE "workspaceId" = ${actor.workspaceId} AND "entityId" = ${entity.id}
      GROUP BY 1, 2
    ) AS t
    ORDER BY key, n DESC`;
  return { entity, fields: [...COLUMN_FIELDS, ...rows.map((r) => ({ name: r.key, type: r.type, column: false }))] };
}
