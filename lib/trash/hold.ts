import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit/write";
import { transaction } from "@/lib/db/tx";
import { notFound } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { recordIdSchema } from "@/lib/records/schemas";
import { parseInput } from "@/lib/validation";
import { z } from "zod";

const holdSchema = z.object({ id: recordIdSchema, hold: z.boolean() });

/** "Keep" (ADMIN+): a trashed record on hold is exempt from purge until released. */
export async function setHold(actor: Actor, raw: { id: unknown; hold: unknown }, now: Date) {
  assertCan(actor, "trash.hold");
  const { id, hold } = parseInput(holdSchema, raw);
  return transaction(async (tx) => {
    const updated = await tx.record.updateManyAndReturn({
      where: { id, workspaceId: actor.workspaceId, deletedAt: { not: null } },
      data: hold ? { heldAt: now, heldById: actor.userId } : { heldAt: null, heldById: null },
      select: { id: true, name: true, entityId: true },
    });
    const record = updated[0];
    if (!record) throw notFound("Trashed record");
    await writeAudit(tx, actor, { action: hold ? "trash.hold" : "trash.release", entityId: record.entityId, targetIds: [record.id], details: { names: [record.name] } });
    return { id: record.id, held: hold };
  });
}
