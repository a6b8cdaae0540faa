import type { Actor } from "@/lib/actor";
import type { Tx } from "@/lib/db/tx";

type Caller = Pick<Actor, "workspaceId" | "door">;

/**
 * An entity's active on-delete automations run once per deleted record. Detached or paused
 * automations never run. Two statements whatever the number of records.
 */
export async function fireOnDelete(tx: Tx, actor: Caller, records: { id: string; entityId: string }[]): Promise<number> {
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

/**
 * A record entering a segment runs that segment's active SEGMENT_ENTERED automations once.
 * A detached automation has no segment any more, and a paused one waits: neither runs.
 */
export async function fireOnSegmentEntered(tx: Tx, actor: Caller, entries: { segmentId: string; recordId: string }[]): Promise<number> {
  if (entries.length === 0) return 0;
  const automations = await tx.automation.findMany({
    where: { workspaceId: actor.workspaceId, trigger: "SEGMENT_ENTERED", status: "ACTIVE", segmentId: { in: [...new Set(entries.map((e) => e.segmentId))] } },
    select: { id: true, segmentId: true },
  });
  const runs = automations.flatMap((a) =>
    entries.filter((e) => e.segmentId === a.segmentId).map((e) => ({ workspaceId: actor.workspaceId, automationId: a.id, recordId: e.recordId, event: "segment.entered", door: actor.door })),
  );
  if (runs.length) await tx.automationRun.createMany({ data: runs });
  return runs.length;
}
