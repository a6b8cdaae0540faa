import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/tx";
import { listEntities } from "@/lib/entities";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { RECORD_FIELD_NAMES } from "@/lib/universal/record-fields";
import type { Condition } from "./filter";

/**
 * The fields a segment of this entity can filter on: the record columns, then every attribute
 * key its records carry (entities have no declared schema; their records' attributes are it).
 */
export async function entityFields(client: Tx, workspaceId: string, entityId: string): Promise<string[]> {
  const rows = await client.$queryRaw<{ key: string }[]>(Prisma.sql`
    SELECT DISTINCT k AS key
    FROM "Record", jsonb_object_keys(CASE WHEN jsonb_typeof(attributes) = 'object' THEN attributes ELSE '{}'::jsonb END) AS k
    WHERE "workspaceId" = ${workspaceId} AND "entityId" = ${entityId}
    ORDER BY k`);
  return [
    ...RECORD_FIELD_NAMES,
    ...rows.map((r) => r.key).filter((k) => !(RECORD_FIELD_NAMES as string[]).includes(k)),
  ];
}

/** A condition on a field no record of the entity has is a typo, not an empty segment. */
export function assertKnownFields(conditions: Condition[], known: string[], entityName: string): void {
  const index = conditions.findIndex((c) => !known.includes(c.field));
  if (index === -1) return;
  throw new AppError(
    "VALIDATION",
    `${entityName} have no field “${conditions[index]!.field}”. Known fields: ${known.join(", ")}.`,
    `filter.conditions.${index}.field`,
  );
}

/** Fields per entity slug, for the "New segment" dialog. */
export async function listSegmentFields(actor: Actor): Promise<Record<string, string[]>> {
  assertCan(actor, "records.read");
  const entities = await listEntities(actor);
  const fields = await Promise.all(entities.map((e) => entityFields(db(), actor.workspaceId, e.id)));
  return Object.fromEntries(entities.map((e, i) => [e.slug, fields[i]!]));
}
