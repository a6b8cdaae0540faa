import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/permissions";

export interface OnDeleteAutomation {
  id: string;
  name: string;
}

/**
 * What a delete in this entity will set off: its ACTIVE on-delete automations, each run once
 * per deleted record (lib/automations/fire.ts). The delete dialog names them before it happens.
 */
export async function listOnDeleteAutomations(actor: Actor, entityId: string): Promise<OnDeleteAutomation[]> {
  assertCan(actor, "records.read");
  return db().automation.findMany({
    where: { workspaceId: actor.workspaceId, trigger: "RECORD_DELETED", status: "ACTIVE", entityId },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
