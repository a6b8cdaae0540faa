import { z } from "zod";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit/write";
import { transaction } from "@/lib/db/tx";
import { AppError, notFound } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { segmentIdSchema } from "@/lib/segments/schemas";

export const attachAutomationSchema = z.object({
  automationId: z.string().trim().min(1, "Choose an automation").max(100),
  segmentId: segmentIdSchema,
});
export type AttachAutomationInput = z.output<typeof attachAutomationSchema>;

export const NOT_DETACHED = "This automation is not detached: it already has its segment.";

/**
 * A detached automation (its segment was deleted) gets a segment again and runs from then on:
 * the way back from a segment delete. ADMIN+; only a DETACHED automation, re-checked on its
 * locked row, and only a segment of the same workspace and record type.
 */
export async function attachAutomation(actor: Actor, input: AttachAutomationInput, now: Date) {
  assertCan(actor, "automations.attach");
  return transaction(async (tx) => {
    const [automation] = await tx.$queryRaw<{ id: string; name: string; status: string; entityId: string | null }[]>`
      SELECT id, name, status::text AS status, "entityId" FROM "Automation"
      WHERE id = ${input.automationId} AND "workspaceId" = ${actor.workspaceId} FOR UPDATE`;
    if (!automation) throw notFound("Automation");
    if (automation.status !== "DETACHED") throw new AppError("CONFLICT", NOT_DETACHED);
    const segment = await tx.segment.findFirst({
      where: { id: input.segmentId, workspaceId: actor.workspaceId },
      select: { id: true, name: true, entityId: true },
    });
    if (!segment) throw notFound("Segment");
    if (automation.entityId && automation.entityId !== segment.entityId)
      throw new AppError("VALIDATION", "Choose a segment of the same record type as the automation.", "segmentId");
    await tx.automation.update({
      where: { id: automation.id },
      data: { status: "ACTIVE", segmentId: segment.id, detachedAt: null },
    });
    await writeAudit(tx, actor, {
      action: "automations.attach",
      entityId: segment.entityId,
      targetIds: [automation.id],
      details: { name: automation.name, segmentId: segment.id, segment: segment.name, at: now.toISOString() },
    });
    return { automationId: automation.id, segmentId: segment.id, segmentName: segment.name };
  });
}
