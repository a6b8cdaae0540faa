import type { Actor } from "@/lib/actor";
import { selectRows } from "@/lib/db/client";
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
  // A plain statement: every records page reads it, and an ORM read costs about twice its time.
  return selectRows<OnDeleteAutomation[]>`
    SELECT id, name FROM "Automation"
    WHERE "workspaceId" = ${actor.workspaceId} AND "entityId" = ${entityId}
      AND trigger = 'RECORD_DELETED' AND status = 'ACTIVE'
    ORDER BY name`;
}
