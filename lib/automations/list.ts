import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/permissions";

export interface AutomationRunRow {
  id: string;
  event: string;
  door: string;
  createdAt: string;
  /** The record it ran for; name null when it has since been purged or erased. */
  record: { id: string; name: string | null; entitySlug: string | null; inTrash: boolean } | null;
}

export interface AutomationRow {
  id: string;
  name: string;
  trigger: "RECORD_DELETED" | "RECORD_CREATED" | "SEGMENT_ENTERED";
  status: "ACTIVE" | "PAUSED" | "DETACHED";
  entityId: string | null;
  entityName: string | null;
  segment: { id: string; name: string } | null;
  detachedAt: string | null;
  /** For a detached automation: the name its segment had, from the audit entry of its deletion. */
  detachedFromSegment: string | null;
  runCount: number;
  recentRuns: AutomationRunRow[];
}

const RECENT_RUNS = 5;

/** Names of deleted segments by the automations they detached, read from the audit log. */
async function detachedFrom(workspaceId: string, automationIds: string[]): Promise<Map<string, string>> {
  if (automationIds.length === 0) return new Map();
  const entries = await db().auditLog.findMany({
    where: { workspaceId, action: "segments.delete" },
    select: { details: true },
  });
  const names = new Map<string, string>();
  for (const { details } of entries) {
    const d = details as { name?: unknown; detachedAutomationIds?: unknown };
    if (typeof d.name !== "string" || !Array.isArray(d.detachedAutomationIds)) continue;
    for (const id of d.detachedAutomationIds)
      if (typeof id === "string" && automationIds.includes(id)) names.set(id, d.name);
  }
  return names;
}

export async function listAutomations(actor: Actor): Promise<AutomationRow[]> {
  assertCan(actor, "records.read");
  const automations = await db().automation.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: [{ status: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      trigger: true,
      status: true,
      detachedAt: true,
      entityId: true,
      entity: { select: { name: true } },
      segment: { select: { id: true, name: true } },
      _count: { select: { runs: true } },
      runs: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: RECENT_RUNS,
        select: { id: true, event: true, recordId: true, door: true, createdAt: true },
      },
    },
  });
  // Runs have no foreign key to their record (they outlive it): look the names up in one go.
  const recordIds = [...new Set(automations.flatMap((a) => a.runs.flatMap((r) => (r.recordId ? [r.recordId] : []))))];
  const [records, detachedNames] = await Promise.all([
    recordIds.length
      ? db().record.findMany({
          where: { workspaceId: actor.workspaceId, id: { in: recordIds } },
          select: { id: true, name: true, deletedAt: true, entity: { select: { slug: true } } },
        })
      : Promise.resolve([]),
    detachedFrom(
      actor.workspaceId,
      automations.filter((a) => a.status === "DETACHED").map((a) => a.id),
    ),
  ]);
  const byId = new Map(records.map((r) => [r.id, r]));

  return automations.map((a) => ({
    id: a.id,
    name: a.name,
    trigger: a.trigger,
    status: a.status,
    entityId: a.entityId,
    entityName: a.entity?.name ?? null,
    segment: a.segment,
    detachedAt: a.detachedAt?.toISOString() ?? null,
    detachedFromSegment: detachedNames.get(a.id) ?? null,
    runCount: a._count.runs,
    recentRuns: a.runs.map((r) => {
      const record = r.recordId ? byId.get(r.recordId) : undefined;
      return {
        id: r.id,
        event: r.event,
        door: r.door,
        createdAt: r.createdAt.toISOString(),
        record: r.recordId
          ? {
              id: r.recordId,
              name: record?.name ?? null,
              entitySlug: record?.entity.slug ?? null,
              inTrash: !!record?.deletedAt,
            }
          : null,
      };
    }),
  }));
}
