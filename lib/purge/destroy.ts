import { Prisma } from "@/generated/prisma/client";
import type { AuditDoor } from "@/generated/prisma/enums";
import type { AuditContext } from "@/lib/audit/write";
import type { Tx } from "@/lib/db/tx";

export type DestroyReason = "retention" | "empty_trash" | "hard_delete";

export interface DestroyActor {
  workspaceId: string;
  userId: string | null;
  door: AuditDoor;
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
 * the record and everything that belonged to it (notes, activities, subform rows, its place
 * in other records' relations and in segments go by foreign-key cascade). Each record leaves
 * one audit entry saying what went with it and why. A fixed number of statements.
 */
export async function destroyLockedRecords(
  tx: Tx,
  actor: DestroyActor,
  ids: string[],
  reason: DestroyReason,
  audit: AuditContext = {},
): Promise<DestroyedRecord[]> {
  if (ids.length === 0) return [];
  // What goes with each record, counted in one statement (each count one index probe).
  const records = await tx.$queryRaw<(DestroyedRecord & { entityId: string; deletedAt: Date | null; deletedById: string | null; externalProvider: string | null; externalId: string | null })[]>`
    SELECT r.id, r.name, r."entityId", r."deletedAt", r."deletedById", r."externalProvider", r."externalId",
      (SELECT count(*) FROM "Note" x WHERE x."recordId" = r.id)::int AS notes,
      (SELECT count(*) FROM "Activity" x WHERE x."recordId" = r.id)::int AS activities,
      (SELECT count(*) FROM "SubformRow" x WHERE x."recordId" = r.id)::int AS "subformRows",
      ((SELECT count(*) FROM "Relation" x WHERE x."fromRecordId" = r.id) + (SELECT count(*) FROM "Relation" x WHERE x."toRecordId" = r.id))::int AS relations
    FROM "Record" r WHERE r.id = ANY(${ids}::text[])`;

  await tx.record.deleteMany({ where: { id: { in: records.map((r) => r.id) } } });

  const destroyed = records.map((r) => ({ id: r.id, name: r.name, notes: r.notes, activities: r.activities, subformRows: r.subformRows, relations: r.relations }));
  await tx.auditLog.createMany({
    data: records.map((r, i) => ({
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      door: actor.door,
      action: reason === "retention" ? "records.purge" : "records.destroy",
      entityId: r.entityId,
      targetIds: [r.id],
      count: 1,
      details: {
        ...audit,
        reason,
        names: [r.name],
        wasInTrash: r.deletedAt !== null,
        deletedAt: r.deletedAt?.toISOString() ?? null,
        deletedById: r.deletedById,
        external: r.externalId ? `${r.externalProvider ?? ""}:${r.externalId}` : null,
        notes: destroyed[i]!.notes,
        activities: destroyed[i]!.activities,
        subformRows: destroyed[i]!.subformRows,
        relations: destroyed[i]!.relations,
      } satisfies Prisma.InputJsonObject,
    })),
  });
  return destroyed;
}

/** Locks the given records of one workspace for this transaction; returns the ids that exist. */
export async function lockRecords(tx: Tx, workspaceId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Record" WHERE "workspaceId" = ${workspaceId} AND id IN (${Prisma.join(ids)}) FOR UPDATE`;
  return rows.map((r) => r.id);
}

/**
 * Locks those of the given records that are in the trash right now (a row restored by a
 * concurrent transaction is re-checked after its lock is released, and skipped).
 */
export async function lockTrashedRecords(tx: Tx, workspaceId: string, ids: string[]): Promise<{ id: string; held: boolean }[]> {
  if (ids.length === 0) return [];
  return tx.$queryRaw<{ id: string; held: boolean }[]>`
    SELECT id, "heldAt" IS NOT NULL AS held FROM "Record"
    WHERE "workspaceId" = ${workspaceId} AND id IN (${Prisma.join(ids)}) AND "deletedAt" IS NOT NULL
    FOR UPDATE`;
}

/** The next batch of trashed records at or before `cutoff` (not on hold), locked, skipping rows another purger holds. */
export async function lockTrashBatch(tx: Tx, workspaceId: string, cutoff: Date | null, limit: number): Promise<string[]> {
  // Prisma stores DateTime as UTC `timestamp(3)`; compare against the UTC wall time.
  const cutoffSql = cutoff ? Prisma.sql`AND "deletedAt" <= ${cutoff.toISOString().replace("Z", "")}::timestamp(3)` : Prisma.empty;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Record"
    WHERE "workspaceId" = ${workspaceId} AND "deletedAt" IS NOT NULL AND "heldAt" IS NULL ${cutoffSql}
    ORDER BY "deletedAt", id
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`;
  return rows.map((r) => r.id);
}
