import type { Actor } from "@/lib/actor";
import type { Tx } from "@/lib/db/tx";

/**
 * An entity's active on-delete automations run once per deleted record. Detached or paused
 * automations never run. Two statements whatever the number of records.
 */
export async function fireOnDelete(tx: Tx, actor: Pick<Actor, "workspaceId" | "door">, records: { id: string; entityId: string }[]): Promise<number> {
  if (records.length === 0) return 0;
  const automations = await tx.automation.findMany({
    where: { workspaceId: actor.workspaceId, trigger: "RECORD_DELETED", status: "ACTIVE", entityId: { in: [...new Set(records.map((r) => r.entityId))] } },
    select: { id: true, entityId: true },
  });
  const runs = automations.flatMap((a) =>
    records.filter((r) => r.entityId === a.entityId).map((r) => ({ workspaceId: actor.workspaceId, automationId: a.id, recordId: r.id, event: "record.deleted", door: actor.door })),
  );
  if (runs.length) await tx.automationRun.createMany({ data: runs });
  return runs.length;
}
