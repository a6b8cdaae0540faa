import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit/write";
import { transaction } from "@/lib/db/tx";
import { notFound } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { trashedRecords } from "@/lib/records/live";

/** "Keep" (ADMIN+): a trashed record on hold is exempt from purge until released. */
export async function setHold(actor: Actor, { id, hold }: { id: string; hold: boolean }, now: Date) {
  assertCan(actor, "trash.hold");
  return transaction(async (tx) => {
    const updated = await tx.record.updateManyAndReturn({
      where: trashedRecords(actor.workspaceId, { id }),
      data: hold ? { heldAt: now, heldById: actor.userId } : { heldAt: null, heldById: null },
      select: { id: true, name: true, entityId: true },
    });
    const record = updated[0];
    if (!record) throw notFound("Trashed record");
    await writeAudit(tx, actor, {
      action: hold ? "trash.hold" : "trash.release",
      entityId: record.entityId,
      targetIds: [record.id],
      details: { names: [record.name] },
    });
    return { id: record.id, held: hold };
  });
}
