import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/actor";
import { selectRows } from "@/lib/db/client";
import { sqlMillis } from "@/lib/db/sql-time";
import { notFound } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { liveSql, trashedSql } from "./live";
import { isRecordNumber } from "./refs";

export interface RelatedRecord {
  id: string;
  name: string;
  entitySlug: string;
  entityName: string;
  /** The other end is itself in the trash (only a trashed record's preview lists those). */
  trashed: boolean;
}

export interface RecordDetail {
  id: string;
  /** The numeric id, as digits. */
  recordNumber: string;
  name: string;
  entity: { id: string; slug: string; name: string };
  phoneNumber: string | null;
  externalProvider: string | null;
  externalId: string | null;
  attributes: Record<string, unknown>;
  owner: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  notes: { id: string; body: string; author: string | null; createdAt: string }[];
  activities: { id: string; kind: string; summary: string; actor: string | null; occurredAt: string }[];
  subformRows: { id: string; subform: string; position: number; values: Record<string, unknown> }[];
  relations: { id: string; label: string; direction: "to" | "from"; record: RelatedRecord }[];
}

/** `id` as a page URL or API client names a record: its string id or its number. */
export const recordRef = (id: string): Prisma.RecordWhereInput =>
  isRecordNumber(id) ? { recordNumber: BigInt(id) } : { id };

/** The same in SQL, on the alias `r`. */
const recordRefSql = (id: string): Prisma.Sql =>
  isRecordNumber(id) ? Prisma.sql`r."recordNumber" = ${id}::bigint` : Prisma.sql`r.id = ${id}`;

const millis = (column: string) => sqlMillis(Prisma.raw(column));

/** A relation's other end (alias `o`, its entity `oe`) as `RelatedRecord`. */
const OTHER_END = Prisma.sql`json_build_object('id', o.id, 'name', o.name, 'entitySlug', oe.slug,
  'entityName', oe.name, 'trashed', ${trashedSql("o")})`;

interface DetailRow extends Omit<RecordDetail, "createdAt" | "updatedAt" | "notes" | "activities" | "relations"> {
  createdAtMs: number;
  updatedAtMs: number;
  notes: (Omit<RecordDetail["notes"][number], "createdAt"> & { at: number })[];
  activities: (Omit<RecordDetail["activities"][number], "occurredAt"> & { at: number })[];
  relationsFrom: Omit<RecordDetail["relations"][number], "direction">[];
  relationsTo: Omit<RecordDetail["relations"][number], "direction">[];
}

/**
 * One record of the workspace in `state` with everything that belongs to it, or null; `id` is
 * its string id or its number. `otherEnds` says which relations are listed: to live records
 * only, or to any record of the workspace, each marked (a trashed record's preview). One
 * statement: Prisma's include read each part and each part's people with a statement of its own
 * (15 for the record page). Times come as epoch milliseconds (sqlMillis: PGlite's driver moves a
 * timestamp read directly).
 */
export async function loadRecordDetail(
  workspaceId: string,
  state: "live" | "trashed",
  id: string,
  otherEnds: "live" | "any",
): Promise<RecordDetail | null> {
  const inState = state === "live" ? liveSql("r") : trashedSql("r");
  const listed = otherEnds === "live" ? liveSql("o") : Prisma.sql`o."workspaceId" = ${workspaceId}`;
  const [r] = await selectRows<DetailRow[]>`
    SELECT r.id, r."recordNumber"::text AS "recordNumber", r.name, r."phoneNumber", r."externalProvider",
           r."externalId", r.attributes, json_build_object('id', e.id, 'slug', e.slug, 'name', e.name) AS entity,
           owner.name AS owner, creator.name AS "createdBy",
           ${millis('r."createdAt"')} AS "createdAtMs", ${millis('r."updatedAt"')} AS "updatedAtMs",
           (SELECT coalesce(json_agg(json_build_object('id', n.id, 'body', n.body, 'author', a.name,
                     'at', ${millis('n."createdAt"')}) ORDER BY n."createdAt" DESC, n.id DESC), '[]')
              FROM "Note" n LEFT JOIN "User" a ON a.id = n."authorId" WHERE n."recordId" = r.id) AS notes,
           (SELECT coalesce(json_agg(json_build_object('id', x.id, 'kind', x.kind, 'summary', x.summary,
                     'actor', a.name, 'at', ${millis('x."occurredAt"')}) ORDER BY x."occurredAt" DESC, x.id DESC), '[]')
              FROM "Activity" x LEFT JOIN "User" a ON a.id = x."actorId" WHERE x."recordId" = r.id) AS activities,
           (SELECT coalesce(json_agg(json_build_object('id', s.id, 'subform', s.subform, 'position', s.position,
                     'values', s.values) ORDER BY s.subform, s.position, s.id), '[]')
              FROM "SubformRow" s WHERE s."recordId" = r.id) AS "subformRows",
           (SELECT coalesce(json_agg(json_build_object('id', l.id, 'label', l.label, 'record', ${OTHER_END})
                     ORDER BY l."createdAt", l.id), '[]')
              FROM "Relation" l JOIN "Record" o ON o.id = l."toRecordId" JOIN "Entity" oe ON oe.id = o."entityId"
              WHERE l."fromRecordId" = r.id AND ${listed}) AS "relationsFrom",
           (SELECT coalesce(json_agg(json_build_object('id', l.id, 'label', l.label, 'record', ${OTHER_END})
                     ORDER BY l."createdAt", l.id), '[]')
              FROM "Relation" l JOIN "Record" o ON o.id = l."fromRecordId" JOIN "Entity" oe ON oe.id = o."entityId"
              WHERE l."toRecordId" = r.id AND ${listed}) AS "relationsTo"
    FROM "Record" r
    JOIN "Entity" e ON e.id = r."entityId"
    LEFT JOIN "User" owner ON owner.id = r."ownerId"
    LEFT JOIN "User" creator ON creator.id = r."createdById"
    WHERE r."workspaceId" = ${workspaceId} AND ${inState} AND ${recordRefSql(id)}`;
  if (!r) return null;
  const { createdAtMs, updatedAtMs, notes, activities, relationsFrom, relationsTo, ...rest } = r;
  return {
    ...rest,
    attributes: (rest.attributes ?? {}) as Record<string, unknown>,
    subformRows: rest.subformRows.map((s) => ({ ...s, values: (s.values ?? {}) as Record<string, unknown> })),
    createdAt: new Date(createdAtMs).toISOString(),
    updatedAt: new Date(updatedAtMs).toISOString(),
    notes: notes.map(({ at, ...n }) => ({ ...n, createdAt: new Date(at).toISOString() })),
    activities: activities.map(({ at, ...a }) => ({ ...a, occurredAt: new Date(at).toISOString() })),
    relations: [
      ...relationsFrom.map((x) => ({ ...x, direction: "to" as const })),
      ...relationsTo.map((x) => ({ ...x, direction: "from" as const })),
    ],
  };
}

/**
 * A live record with everything that belongs to it; relations only to other live records.
 * `id` is its string id or its number.
 */
export async function getRecord(actor: Actor, { id }: { id: string }): Promise<RecordDetail> {
  assertCan(actor, "records.read");
  const record = await loadRecordDetail(actor.workspaceId, "live", id, "live");
  if (!record) throw notFound();
  return record;
}
