import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { writeAudit, type AuditContext } from "@/lib/audit/write";
import { transaction, type Tx } from "@/lib/db/tx";
import { assertCan, canRestoreRecord, RESTORE_REFUSED } from "@/lib/permissions";
import { refreshMemberships } from "@/lib/segments/membership";
import { retentionFor } from "@/lib/purge/retention";
import { failure, type BulkResult, type FailedId } from "@/lib/records/bulk-result";
import { liveRecords, liveSql, trashedRecords, trashedSql } from "@/lib/records/live";
import { assertWithinBulkCap, MAX_BULK_IDS } from "@/lib/records/schemas";
import { sqlMillis, sqlTime } from "@/lib/db/sql-time";

const NOT_IN_TRASH = "Not in the trash (never deleted, already restored, or purged).";

/**
 * Restore: a narrow state change plus its conflict check. Brings the record back with all
 * that belonged to it (nothing was removed); fails per id when it is not in the trash, its
 * retention has run out, the caller may not restore it, or a live record now holds its
 * external id.
 */
export async function restoreRecords(
  actor: Actor,
  input: { ids: string[]; audit?: AuditContext },
  now: Date,
): Promise<BulkResult> {
  assertCan(actor, "records.restore.own");
  const { ids } = input;
  assertWithinBulkCap(ids);

  return transaction(async (tx) => {
    // Lock and read in one statement: FOR UPDATE hands back each row as it is once locked, so
    // the permission ("own" deletion) and the trash state are judged on rows nobody else can
    // change before this transaction ends.
    const found = await lockForRestore(tx, actor.workspaceId, ids);
    const retention = await retentionFor(actor.workspaceId, tx);
    const byId = new Map(found.map((r) => [r.id, r]));
    const failed: FailedId[] = [];
    const eligible = ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r || !r.deletedAt) return (failed.push(failure(id, "NOT_FOUND", NOT_IN_TRASH)), []);
      if (!canRestoreRecord(actor, r)) return (failed.push(failure(id, "FORBIDDEN", RESTORE_REFUSED)), []);
      if (!r.heldAt && retention.isExpired(r.deletedAt, now)) {
        return (failed.push(failure(id, "NOT_FOUND", "Its time in the trash has run out; it is being purged.")), []);
      }
      return [r];
    });

    // A live record (or another record restored in this same call) may now hold the external id.
    const holders = [
      ...eligible.flatMap((r) => (r.holder === null ? [] : [{ ...r, name: r.holder }])),
      ...(await providerlessHolders(
        tx,
        actor.workspaceId,
        eligible.filter((r) => r.externalId && r.externalProvider === null),
      )),
    ];
    const taken = new Map(holders.map((h) => [`${h.entityId}|${h.externalProvider}|${h.externalId}`, h.name]));
    const restorable = eligible.filter((r) => {
      if (!r.externalId) return true;
      const key = `${r.entityId}|${r.externalProvider}|${r.externalId}`;
      const holder = taken.get(key);
      if (holder !== undefined) {
        failed.push(
          failure(
            r.id,
            "CONFLICT",
            `Can't restore: “${holder}” now uses the external id ${r.externalProvider ?? ""}:${r.externalId}.`,
          ),
        );
        return false;
      }
      taken.set(key, r.name);
      return true;
    });

    // RETURNING follows the plan's order; the audit entry lists the records in the caller's.
    const order = new Map(ids.map((id, i) => [id, i]));
    const restored = (
      await clearTrashFields(
        tx,
        actor.workspaceId,
        restorable.map((r) => r.id),
      )
    ).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    const done = new Set(restored.map((r) => r.id));
    for (const r of restorable) if (!done.has(r.id)) failed.push(failure(r.id, "NOT_FOUND", NOT_IN_TRASH));

    if (restored.length) {
      await refreshMemberships(tx, actor.workspaceId, restored, actor.door);
      await writeAudit(tx, actor, {
        action: "records.restore",
        entityId: restored.every((r) => r.entityId === restored[0]!.entityId) ? restored[0]!.entityId : null,
        targetIds: restored.map((r) => r.id),
        details: { ...input.audit, names: restored.slice(0, 20).map((r) => r.name), failed: failed.length },
      });
    }
    failed.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return { succeeded: ids.filter((id) => done.has(id)), failed };
  });
}

type ExternalKey = { entityId: string; externalProvider: string | null; externalId: string | null };

interface LockedRecord extends ExternalKey {
  id: string;
  name: string;
  deletedAt: Date | null;
  deletedById: string | null;
  heldAt: Date | null;
  /** The live record holding its external id now (provider set), by name. */
  holder: string | null;
}

/**
 * The given records of the workspace, locked, with, for a trashed
 * record with an external id, the name of the live record that holds that id now (at most one:
 * the live external-id index is unique), probed on that index. "x >= k AND x <= k" is "x = k"
 * in a form the trigram index cannot serve: offered an equality, the planner picks that index
 * and takes a second or two per 1000 ids.
 */
async function lockForRestore(tx: Tx, workspaceId: string, ids: string[]): Promise<LockedRecord[]> {
  // The deletion's instant as epoch milliseconds (sqlMillis): read as a Date, PGlite moved it by
  // the server's time-zone offset, and the 14 days were judged from the wrong moment.
  const rows = await tx.$queryRaw<(Omit<LockedRecord, "deletedAt"> & { deletedAtMs: number | null })[]>`
    SELECT r.id, r.name, r."entityId", ${sqlMillis(Prisma.raw('r."deletedAt"'))} AS "deletedAtMs", r."deletedById", r."heldAt", r."externalProvider", r."externalId", h.name AS holder
    FROM "Record" r
    LEFT JOIN LATERAL (
      SELECT l.name FROM "Record" l
      WHERE ${trashedSql("r")} AND l."workspaceId" = r."workspaceId" AND l."entityId" = r."entityId" AND l."externalProvider" = r."externalProvider"
        AND l."externalId" >= r."externalId" AND l."externalId" <= r."externalId" AND ${liveSql("l")}
      LIMIT 1
    ) h ON true
    WHERE r."workspaceId" = ${workspaceId} AND r.id = ANY(${ids}::text[])
    FOR UPDATE OF r`;
  return rows.map(({ deletedAtMs, ...r }) => ({
    ...r,
    deletedAt: deletedAtMs === null ? null : new Date(deletedAtMs),
  }));
}

/** Takes the records out of the trash (those still in it); returns the ones it took. */
async function clearTrashFields(
  tx: Tx,
  workspaceId: string,
  ids: string[],
): Promise<{ id: string; name: string; entityId: string }[]> {
  if (ids.length === 0) return [];
  // @updatedAt is the wall clock, as here.
  return tx.$queryRaw`
    UPDATE "Record" SET "deletedAt" = NULL, "deletedById" = NULL, "deleteBatchId" = NULL, "heldAt" = NULL, "heldById" = NULL, "updatedAt" = ${sqlTime(new Date())}
    WHERE "workspaceId" = ${workspaceId} AND id = ANY(${ids}::text[]) AND ${trashedSql()}
    RETURNING id, name, "entityId"`;
}

/** The live records holding these external ids without a provider (rare; the lock's probe needs one). */
async function providerlessHolders(
  tx: Tx,
  workspaceId: string,
  keys: ExternalKey[],
): Promise<(ExternalKey & { name: string })[]> {
  if (keys.length === 0) return [];
  return tx.record.findMany({
    where: liveRecords(workspaceId, {
      entityId: { in: [...new Set(keys.map((k) => k.entityId))] },
      externalProvider: null,
      externalId: { in: keys.map((k) => k.externalId!) },
    }),
    select: { name: true, entityId: true, externalProvider: true, externalId: true },
  });
}

/**
 * Undo of one delete action — which may have run as several batches of a "select all" run:
 * restores exactly the records of those batches that are still in the trash, a bulk call's
 * worth at a time.
 */
export async function undoDelete(actor: Actor, { batchIds }: { batchIds: string[] }, now: Date): Promise<BulkResult> {
  assertCan(actor, "records.restore.own");
  const batch = await db().record.findMany({
    where: trashedRecords(actor.workspaceId, { deleteBatchId: { in: batchIds } }),
    orderBy: { id: "asc" },
    select: { id: true },
  });
  const result: BulkResult = { succeeded: [], failed: [] };
  for (let i = 0; i < batch.length; i += MAX_BULK_IDS) {
    const chunk = await restoreRecords(actor, { ids: batch.slice(i, i + MAX_BULK_IDS).map((r) => r.id) }, now);
    result.succeeded.push(...chunk.succeeded);
    result.failed.push(...chunk.failed);
  }
  return result;
}
