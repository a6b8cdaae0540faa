import type { Tx } from "@/lib/db/tx";
import { db } from "@/lib/db/client";
import { isExpired, purgeAt, purgeCutoff } from "@/lib/universal/retention";

/**
 * Which retention applies to a trashed record. Today it is the workspace's setting
 * (Workspace.retentionDays, 14 days unless the owner changes it); every door, list and job
 * asks here, so a retention per entity later is a change to this file alone.
 */
export interface Retention {
  days: number;
  /** When a record deleted at `deletedAt` is purged. */
  purgeAt(deletedAt: Date): Date;
  /** Records deleted at or before this instant are due for purge at `now`. */
  cutoff(now: Date): Date;
  /** Records deleted at or before this instant are due for purge within `hours` of `now` ("about to go"). */
  dueWithin(now: Date, hours: number): Date;
  isExpired(deletedAt: Date, now: Date): boolean;
}

export function retentionOfDays(days: number): Retention {
  return {
    days,
    purgeAt: (deletedAt) => purgeAt(deletedAt, days),
    cutoff: (now) => purgeCutoff(now, days),
    dueWithin: (now, hours) => new Date(purgeCutoff(now, days).getTime() + hours * 3_600_000),
    isExpired: (deletedAt, now) => isExpired(deletedAt, days, now),
  };
}

/** The retention of a workspace's trash, read in `client` (a transaction when the caller is in one). */
export async function retentionFor(workspaceId: string, client: Tx = db()): Promise<Retention> {
  const { retentionDays } = await client.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { retentionDays: true },
  });
  return retentionOfDays(retentionDays);
}
