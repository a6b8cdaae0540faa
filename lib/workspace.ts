import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";

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
