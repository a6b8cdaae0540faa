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
