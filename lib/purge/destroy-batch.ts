import crypto from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { AuditDoor } from "@/generated/prisma/enums";
import type { AuditContext } from "@/lib/audit/write";
import { afterCommit, type Tx } from "@/lib/db/tx";
import { countRecords } from "@/lib/ops/metrics";
import { sqlTime } from "@/lib/db/sql-time";
import { trashedSql } from "@/lib/records/live";

export type DestroyReason = "retention" | "empty_trash" | "hard_delete";

export interface DestroyActor {
  workspaceId: string;
  userId: string | null;
  door: AuditDoor;
  /** The API key a call came with: every entry names it (null for the dashboard and the job). */
  apiKeyId?: string | null;
}

export interface DestroyedRecord {
  id: string;
  name: string;
  notes: number;
  activities: number;
  subformRows: number;
  relations: number;
}

/**
 * Permanent removal of records that the caller has already locked in this transaction:
 * the record and everything that belonged to it. One statement for the whole batch: notes,
 * activities, subform rows and relations are deleted table by table (their RETURNING rows
 * are what each audit entry counts), then the records (segment memberships go by
 * foreign-key cascade), and one audit entry per record saying what went with it and why.
 */
export async function destroyLockedRecords(
  tx: Tx,
  actor: DestroyActor,
  ids: string[],
  reason: DestroyReason,
  audit: AuditContext = {},
): Promise<DestroyedRecord[]> {
  if (ids.length === 0) return [];
  const action = reason === "retention" ? "records.purge" : "records.destroy";
  // Entries of one batch share createdAt; the suffix keeps them in the caller's order.
  const idPrefix = `d${crypto.randomUUID().replaceAll("-", "")}`;
  const destroyed = await tx.$queryRaw<DestroyedRecord[]>`
    WITH gone AS (
      DELETE FROM "Record" WHERE "workspaceId" = ${actor.workspaceId} AND id = ANY(${ids}::text[])
      RETURNING id, name, "entityId", "deletedAt", "deletedById", "externalProvider", "externalId"
    ),
    -- Belongings of the records this statement deleted (of this workspace), never of an id
    -- alone; the array finds them on the index, the semi-join keeps only those of gone.
    notes AS (DELETE FROM "Note" WHERE "recordId" = ANY(${ids}::text[]) AND "recordId" IN (SELECT id FROM gone) RETURNING "recordId"),
    activities AS (DELETE FROM "Activity" WHERE "recordId" = ANY(${ids}::text[]) AND "recordId" IN (SELECT id FROM gone) RETURNING "recordId"),
    subform_rows AS (DELETE FROM "SubformRow" WHERE "recordId" = ANY(${ids}::text[]) AND "recordId" IN (SELECT id FROM gone) RETURNING "recordId"),
    relations AS (
      DELETE FROM "Relation"
      WHERE ("fromRecordId" = ANY(${ids}::text[]) AND "fromRecordId" IN (SELECT id FROM gone))
        OR ("toRecordId" = ANY(${ids}::text[]) AND "toRecordId" IN (SELECT id FROM gone))
      RETURNING "fromRecordId", "toRecordId"
    ),
    belongings AS (
      SELECT id, count(*) FILTER (WHERE kind = 'n')::int AS notes, count(*) FILTER (WHERE kind = 'a')::int AS activities,
        count(*) FILTER (WHERE kind = 's')::int AS "subformRows", count(*) FILTER (WHERE kind = 'r')::int AS relations
      FROM (
        SELECT "recordId" AS id, 'n' AS kind FROM notes UNION ALL SELECT "recordId", 'a' FROM activities
        UNION ALL SELECT "recordId", 's' FROM subform_rows
        UNION ALL SELECT "fromRecordId", 'r' FROM relations UNION ALL SELECT "toRecordId", 'r' FROM relations
      ) x GROUP BY id
    ),
    counted AS (
      SELECT g.*, k.ord, coalesce(b.notes, 0) AS notes, coalesce(b.activities, 0) AS activities,
        coalesce(b."subformRows", 0) AS "subformRows", coalesce(b.relations, 0) AS relations
      FROM gone g JOIN unnest(${ids}::text[]) WITH ORDINALITY AS k(id, ord) ON k.id = g.id LEFT JOIN belongings b ON b.id = g.id
    ),
    logged AS (
      INSERT INTO "AuditLog" (id, "workspaceId", "actorId", door, "apiKeyId", action, "entityId", "targetIds", count, details, "createdAt")
      SELECT ${idPrefix} || lpad(c.ord::text, 5, '0'), ${actor.workspaceId}, ${actor.userId}, ${actor.door}::"AuditDoor", ${actor.apiKeyId ?? null}, ${action}, c."entityId", ARRAY[c.id], 1,
        ${JSON.stringify(audit)}::jsonb || jsonb_build_object(
          'reason', ${reason}::text,
          'names', jsonb_build_array(c.name),
          'wasInTrash', ${trashedSql("c")},
          'deletedAt', to_char(c."deletedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'deletedById', c."deletedById",
          'external', CASE WHEN c."externalId" IS NOT NULL THEN coalesce(c."externalProvider", '') || ':' || c."externalId" END,
          'notes', c.notes, 'activities', c.activities, 'subformRows', c."subformRows", 'relations', c.relations),
        ${sqlTime(new Date())}
      FROM counted c
    )
    SELECT id, name, notes, activities, "subformRows", relations FROM counted ORDER BY ord`;
  afterCommit(tx, () => countRecords(reason === "retention" ? "purged" : "destroyed", actor.door, destroyed.length));
  return destroyed;
}

/**
 * Locks those of the given records that are in the trash right now (a row restored by a
 * concurrent transaction is re-checked after its lock is released, and skipped).
 */
export async function lockTrashedRecords(
  tx: Tx,
  workspaceId: string,
  ids: string[],
): Promise<{ id: string; held: boolean }[]> {
  if (ids.length === 0) return [];
  return tx.$queryRaw<{ id: string; held: boolean }[]>`
    SELECT id, "heldAt" IS NOT NULL AS held FROM "Record"
    WHERE "workspaceId" = ${workspaceId} AND id IN (${Prisma.join(ids)}) AND ${trashedSql()}
    FOR UPDATE`;
}

/** The next batch of trashed records at or before `cutoff` (not on hold), locked, skipping rows another purger holds. */
export async function lockTrashBatch(
  tx: Tx,
  workspaceId: string,
  cutoff: Date | null,
  limit: number,
): Promise<string[]> {
  const cutoffSql = cutoff ? Prisma.sql`AND "deletedAt" <= ${sqlTime(cutoff)}` : Prisma.empty;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Record"
    WHERE "workspaceId" = ${workspaceId} AND ${trashedSql()} AND "heldAt" IS NULL ${cutoffSql}
    ORDER BY "deletedAt", id
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`;
  return rows.map((r) => r.id);
}
