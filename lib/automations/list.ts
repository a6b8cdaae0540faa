import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/permissions";

export interface AutomationRow {
  id: string;
  name: string;
  trigger: "RECORD_DELETED" | "SEGMENT_ENTERED";
  status: "ACTIVE" | "PAUSED" | "DETACHED";
  entityName: string | null;
  segmentName: string | null;
  detachedAt: string | null;
  runCount: number;
  recentRuns: { id: string; event: string; recordId: string | null; door: string; createdAt: string }[];
}

export async function listAutomations(actor: Actor): Promise<AutomationRow[]> {
  assertCan(actor, "records.read");
  const automations = await db().automation.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: [{ status: "asc" }, { createdAt: "asc" }],
    select: {
      id: true, name: true, trigger: true, status: true, detachedAt: true,
      entity: { select: { name: true } }, segment: { select: { name: true } },
      _count: { select: { runs: true } },
      runs: { orderBy: { createdAt: "desc" }, take: 5, select: { id: true, event: true, recordId: true, door: true, createdAt: true } },
    },
  });
  return automations.map((a) => ({
    id: a.id, name: a.name, trigger: a.trigger, status: a.status,
    entityName: a.entity?.name ?? null, segmentName: a.segment?.name ?? null,
    detachedAt: a.detachedAt?.toISOString() ?? null, runCount: a._count.runs,
    recentRuns: a.runs.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
  }));
}
