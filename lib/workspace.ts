import { z } from "zod";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit/write";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/tx";
import { assertCan } from "@/lib/permissions";

export interface WorkspaceSummary {
  id: string;
  name: string;
  retentionDays: number;
}

export async function getWorkspaceSummary(actor: Actor): Promise<WorkspaceSummary> {
  return db().workspace.findUniqueOrThrow({
    where: { id: actor.workspaceId },
    select: { id: true, name: true, retentionDays: true },
  });
}

export async function listMembers(actor: Actor) {
  const members = await db().membership.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: [{ createdAt: "asc" }],
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return members.map((m) => ({ ...m.user, role: m.role, joinedAt: m.createdAt.toISOString() }));
}

export const retentionSchema = z.object({
  retentionDays: z.coerce.number().int("Whole days only").min(1, "At least 1 day").max(365, "At most 365 days"),
});

/** OWNER only. Changing retention moves every trashed record's purge time with it. */
export async function updateRetention(actor: Actor, { retentionDays }: { retentionDays: number }) {
  assertCan(actor, "workspace.settings.update");
  return transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: { id: actor.workspaceId },
      select: { retentionDays: true },
    });
    await tx.workspace.update({ where: { id: actor.workspaceId }, data: { retentionDays } });
    await writeAudit(tx, actor, {
      action: "workspace.retention",
      targetIds: [],
      details: { from: before.retentionDays, to: retentionDays },
    });
    return { retentionDays };
  });
}
