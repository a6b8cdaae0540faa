import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit/write";
import { selectRows } from "@/lib/db/client";
import { transaction } from "@/lib/db/tx";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { destroyLockedRecords, lockTrashBatch } from "@/lib/purge/destroy-batch";
import { trashedSql } from "@/lib/records/live";
import { EMPTY_TRASH_CONFIRMATION } from "@/lib/universal/confirmations";

/**
 * "Empty trash" (ADMIN+): permanently deletes every trashed record of the workspace that is
 * not on hold, in batches. The typed confirmation is checked here too, not only in the dialog.
 */
export async function emptyTrash(actor: Actor, input: { confirmation: string }, _now: Date, batchSize = 500) {
  assertCan(actor, "trash.empty");
  if (input.confirmation.trim().toLowerCase() !== EMPTY_TRASH_CONFIRMATION) {
    throw new AppError("VALIDATION", `Type “${EMPTY_TRASH_CONFIRMATION}” to confirm.`, "confirmation");
  }
  let destroyed = 0;
  for (;;) {
    const batch = await transaction(async (tx) =>
      destroyLockedRecords(tx, actor, await lockTrashBatch(tx, actor.workspaceId, null, batchSize), "empty_trash"),
    );
    destroyed += batch.length;
    if (batch.length < batchSize) break;
  }
  const kept = await countHeld(actor);
  await transaction((tx) =>
    writeAudit(tx, actor, { action: "trash.empty", targetIds: [], details: { destroyed, keptOnHold: kept } }),
  );
  return { destroyed, keptOnHold: kept };
}

/** Records on hold in the workspace's trash: what "Empty trash" keeps (its dialog says how many). */
export async function countHeld(actor: Actor): Promise<number> {
  assertCan(actor, "trash.empty");
  // A plain statement: the trash page reads it on every render of an admin's view.
  const [held] = await selectRows<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Record"
    WHERE "workspaceId" = ${actor.workspaceId} AND ${trashedSql()} AND "heldAt" IS NOT NULL`;
  return held!.n;
}
