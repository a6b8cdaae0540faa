import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit/write";
import { transaction } from "@/lib/db/tx";
import { forbidden, notFound } from "@/lib/errors";
import { assertCan, canDeleteSegment, SEGMENT_DELETE_REFUSED } from "@/lib/permissions";

/** What every door answers a segment delete with. */
export interface DeleteSegmentResult {
  segmentId: string;
  detachedAutomationIds: string[];
}

/**
 * Segment delete: irreversible, no trash. Its cached members go; its automations are kept but
 * DETACHED (segment cleared), so they never trigger again. MEMBER+ delete their own segments;
 * anyone else's needs OWNER. Another workspace's id answers exactly like an unknown one.
 */
export async function deleteSegment(actor: Actor, { id }: { id: string }, now: Date): Promise<DeleteSegmentResult> {
  assertCan(actor, "segments.delete.own");

  return transaction(async (tx) => {
    // The row lock makes two deletes of one segment (or a restore re-adding members) queue up.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Segment" WHERE id = ${id} AND "workspaceId" = ${actor.workspaceId} FOR UPDATE`;
    if (locked.length === 0) throw notFound("Segment");
    const segment = await tx.segment.findUniqueOrThrow({
      where: { id },
      select: { id: true, name: true, entityId: true, createdById: true },
    });
    if (!canDeleteSegment(actor, segment)) throw forbidden(SEGMENT_DELETE_REFUSED);

    const detached = await tx.automation.updateManyAndReturn({
      where: { workspaceId: actor.workspaceId, segmentId: id },
      data: { status: "DETACHED", detachedAt: now, segmentId: null },
      select: { id: true },
    });
    const { count: memberCount } = await tx.segmentMember.deleteMany({ where: { segmentId: id } });
    await tx.segment.delete({ where: { id } });

    const detachedAutomationIds = detached.map((a) => a.id).sort();
    await writeAudit(tx, actor, {
      action: "segments.delete",
      entityId: segment.entityId,
      targetIds: [id],
      details: {
        name: segment.name,
        names: [segment.name],
        memberCount,
        detachedAutomationIds,
        createdById: segment.createdById,
      },
    });
    return { segmentId: id, detachedAutomationIds };
  });
}
