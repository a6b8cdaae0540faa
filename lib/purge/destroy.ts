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

const countBy = (rows: { _count: number; key: string | null }[]) => new Map(rows.map((r) => [r.key, r._count]));

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
  const where = { recordId: { in: ids } };
  const [records, notes, activities, subformRows, relFrom, relTo] = await Promise.all([
    tx.record.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, entityId: true, deletedAt: true, deletedById: true, externalProvider: true, externalId: true } }),
    tx.note.groupBy({ by: ["recordId"], where, _count: true }),
    tx.activity.groupBy({ by: ["recordId"], where, _count: true }),
    tx.subformRow.groupBy({ by: ["recordId"], where, _count: true }),
    tx.relation.groupBy({ by: ["fromRecordId"], where: { fromRecordId: { in: ids } }, _count: true }),
    tx.relation.groupBy({ by: ["toRecordId"], where: { toRecordId: { in: ids } }, _count: true }),
  ]);
  const n = countBy(notes.map((r) => ({ key: r.recordId, _count: r._count })));
  const a = countBy(activities.map((r) => ({ key: r.recordId, _count: r._count })));
  const s = countBy(subformRows.map((r) => ({ key: r.recordId, _count: r._count })));
  const rf = countBy(relFrom.map((r) => ({ key: r.fromRecordId, _count: r._count })));
  const rt = countBy(relTo.map((r) => ({ key: r.toRecordId, _count: r._count })));

  await tx.record.deleteMany({ where: { id: { in: records.map((r) => r.id) } } });

  const destroyed = records.map((r) => ({
    id: r.id, name: r.name,
    notes: n.get(r.id) ?? 0, activities: a.get(r.id) ?? 0, subformRows: s.get(r.id) ?? 0,
    relations: (rf.get(r.id) ?? 0) + (rt.get(r.id) ?? 0),
  }));
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
