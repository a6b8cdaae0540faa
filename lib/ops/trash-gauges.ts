import { selectRows } from "@/lib/db/client";
import { sqlTime } from "@/lib/db/sql-time";
import { trashedSql } from "@/lib/records/live";
import { metrics } from "./metrics";

export const TRASH_GAUGE_TTL_MS = 30_000;

export interface TrashCounts {
  workspaceId: string;
  trashed: number;
  expiring24h: number;
}

/**
 * Per workspace: records in the trash, and those the purge removes in the next 24 hours (the
 * purge's rule, deletedAt + retention, at now + 24 h; held records are not purged). One
 * grouped query on the trash index.
 */
export async function trashCounts(now: Date): Promise<TrashCounts[]> {
  const in24h = new Date(now.getTime() + 24 * 3_600_000);
  return selectRows<TrashCounts[]>`
    SELECT w.id AS "workspaceId", count(r.id)::int AS trashed,
      (count(r.id) FILTER (WHERE r."heldAt" IS NULL
        AND r."deletedAt" + make_interval(days => w."retentionDays") <= ${sqlTime(in24h)}))::int AS "expiring24h"
    FROM "Workspace" w LEFT JOIN "Record" r ON r."workspaceId" = w.id AND ${trashedSql("r")}
    GROUP BY w.id ORDER BY w.id`;
}

const holder = globalThis as unknown as { __crmTrashGaugesAt?: number; __crmTrashGaugesRun?: Promise<void> };

/** Refreshes the trash gauges when their values are older than 30 s (one query at a time). */
export async function refreshTrashGauges(now = new Date()): Promise<void> {
  if (holder.__crmTrashGaugesAt !== undefined && now.getTime() - holder.__crmTrashGaugesAt < TRASH_GAUGE_TTL_MS) return;
  holder.__crmTrashGaugesRun ??= (async () => {
    try {
      const counts = await trashCounts(now);
      const { trashSize, trashExpiring } = metrics();
      trashSize.reset();
      trashExpiring.reset();
      for (const c of counts) {
        trashSize.set({ workspace: c.workspaceId }, c.trashed);
        trashExpiring.set({ workspace: c.workspaceId }, c.expiring24h);
      }
      holder.__crmTrashGaugesAt = now.getTime();
    } finally {
      holder.__crmTrashGaugesRun = undefined;
    }
  })();
  await holder.__crmTrashGaugesRun;
}
