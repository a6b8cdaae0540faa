import type { AutomationTrigger } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/actor";
import type { Tx } from "@/lib/db/tx";

type Caller = Pick<Actor, "workspaceId" | "door">;

/** What each trigger is keyed by, and the event its runs record. */
const TRIGGERS = {
  RECORD_DELETED: { key: "entityId", event: "record.deleted" },
  RECORD_CREATED: { key: "entityId", event: "record.created" },
  SEGMENT_ENTERED: { key: "segmentId", event: "segment.entered" },
} as const satisfies Record<AutomationTrigger, { key: "entityId" | "segmentId"; event: string }>;

type Occurrence<T extends AutomationTrigger> = { recordId: string } & Record<(typeof TRIGGERS)[T]["key"], string>;

/**
 * Runs every ACTIVE automation of `trigger` once per occurrence it matches (by entity for
 * record deletion, by segment for segment entry). Paused and detached automations never run.
 * Two statements whatever the number of occurrences; returns the number of runs.
 */
async function fire<T extends AutomationTrigger>(
  tx: Tx,
  actor: Caller,
  trigger: T,
  occurrences: Occurrence<T>[],
): Promise<number> {
  if (occurrences.length === 0) return 0;
  const { key, event } = TRIGGERS[trigger];
  const keyOf = (o: Occurrence<T>) => (o as Record<string, string>)[key]!;
  const automations = await tx.automation.findMany({
    where: {
      workspaceId: actor.workspaceId,
      trigger,
      status: "ACTIVE",
      [key]: { in: [...new Set(occurrences.map(keyOf))] },
    },
    select: { id: true, entityId: true, segmentId: true },
  });
  const runs = automations.flatMap((a) =>
    occurrences
      .filter((o) => keyOf(o) === a[key])
      .map((o) => ({
        workspaceId: actor.workspaceId,
        automationId: a.id,
        recordId: o.recordId,
        event,
        door: actor.door,
      })),
  );
  if (runs.length) await tx.automationRun.createMany({ data: runs });
  return runs.length;
}

/** An entity's on-delete automations run once per deleted record. */
export function fireOnDelete(tx: Tx, actor: Caller, records: { id: string; entityId: string }[]): Promise<number> {
  return fire(
    tx,
    actor,
    "RECORD_DELETED",
    records.map((r) => ({ recordId: r.id, entityId: r.entityId })),
  );
}

/** An entity's on-create automations run once per created record (dialog, import, API). */
export function fireOnCreate(tx: Tx, actor: Caller, records: { id: string; entityId: string }[]): Promise<number> {
  return fire(
    tx,
    actor,
    "RECORD_CREATED",
    records.map((r) => ({ recordId: r.id, entityId: r.entityId })),
  );
}

/** A record entering a segment runs that segment's SEGMENT_ENTERED automations once. */
export function fireOnSegmentEntered(
  tx: Tx,
  actor: Caller,
  entries: { segmentId: string; recordId: string }[],
): Promise<number> {
  return fire(tx, actor, "SEGMENT_ENTERED", entries);
}
