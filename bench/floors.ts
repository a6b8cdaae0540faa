import crypto from "node:crypto";
import type { Actor } from "@/lib/actor";
import type { RawTransaction } from "@/test/ephemeral-db";

// The raw-SQL floors: the same state change as the domain call, hand-written in one
// transaction on the same database — what the write would cost with no ORM and no checks
// beyond the ones the state change itself needs.

const audit = (actor: Actor, action: string, ids: string[], details: object): [string, unknown[]] => [
  `INSERT INTO "AuditLog" (id, "workspaceId", "actorId", door, action, "targetIds", count, details)
   VALUES ($1, $2, $3, 'CLI', $4, $5::text[], $6, $7::jsonb)`,
  [crypto.randomUUID(), actor.workspaceId, actor.userId, action, ids, ids.length, JSON.stringify(details)],
];

/** Soft delete: trash fields, the batch's segment memberships gone, the audit entry. */
export function floorDelete(tx: RawTransaction, actor: Actor, ids: string[], now: Date) {
  return tx(async (q) => {
    const batchId = crypto.randomUUID();
    const deleted = await q(
      `UPDATE "Record" SET "deletedAt" = $1, "deletedById" = $2, "deleteBatchId" = $3, "updatedAt" = $1
       WHERE "workspaceId" = $4 AND id = ANY($5::text[]) AND "deletedAt" IS NULL RETURNING id`,
      [now.toISOString(), actor.userId, batchId, actor.workspaceId, ids],
    );
    await q(`DELETE FROM "SegmentMember" WHERE "recordId" = ANY($1::text[])`, [ids]);
    await q(
      ...audit(
        actor,
        "records.delete",
        deleted.map((r) => (r as { id: string }).id),
        { batchId },
      ),
    );
  });
}

/**
 * Restore: lock the rows, the external-id conflict check against live records, the trash
 * fields cleared, the records back in the segments of their entity whose filter they match
 * (the bench's segments match every lead), the audit entry.
 */
export function floorRestore(tx: RawTransaction, actor: Actor, ids: string[]) {
  return tx(async (q) => {
    await q(`SELECT id FROM "Record" WHERE "workspaceId" = $1 AND id = ANY($2::text[]) FOR UPDATE`, [
      actor.workspaceId,
      ids,
    ]);
    await q(
      `SELECT t.id FROM "Record" t JOIN "Record" l ON l."entityId" = t."entityId" AND l."externalProvider" = t."externalProvider"
         AND l."externalId" = t."externalId" AND l."deletedAt" IS NULL
       WHERE t.id = ANY($1::text[])`,
      [ids],
    );
    const restored = await q(
      `UPDATE "Record" SET "deletedAt" = NULL, "deletedById" = NULL, "deleteBatchId" = NULL, "heldAt" = NULL, "heldById" = NULL, "updatedAt" = now()
       WHERE "workspaceId" = $1 AND id = ANY($2::text[]) AND "deletedAt" IS NOT NULL RETURNING id`,
      [actor.workspaceId, ids],
    );
    await q(
      `INSERT INTO "SegmentMember" ("segmentId", "recordId")
       SELECT s.id, r.id FROM "Segment" s JOIN "Record" r ON r."entityId" = s."entityId"
       WHERE s."workspaceId" = $1 AND r.id = ANY($2::text[]) ON CONFLICT DO NOTHING`,
      [actor.workspaceId, ids],
    );
    await q(
      ...audit(
        actor,
        "records.restore",
        restored.map((r) => (r as { id: string }).id),
        {},
      ),
    );
  });
}
