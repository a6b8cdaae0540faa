import type { Actor } from "@/lib/actor";
import { selectRows } from "@/lib/db/client";
import { sqlTime } from "@/lib/db/sql-time";
import { retentionOfDays } from "@/lib/purge/retention";
import { getWorkspaceSummary } from "@/lib/workspace";
import { EXPIRING_SOON_HOURS } from "./expiring";
import { defaultTrashScope, trashScopeSql } from "./scope";

export interface TrashCounts {
  /** Records in the caller's trash, as the trash page shows it by default (the sidebar's badge). */
  total: number;
  /** Of those, the caller's own deletions purged within 24 hours and not held (the purge notice). */
  expiringSoon: number;
}

/**
 * The two trash figures every page's layout shows, in one statement: two ORM counts cost the
 * server several times the CPU of one plain statement, on every page. The "about to go" rule is
 * the trash filter's (`trashFilterWhere` with EXPIRING_SOON_FILTER, where the notice links), and
 * the tests hold the two to the same rows. Own deletions are always in the caller's default view.
 */
export async function trashCounts(actor: Actor, now: Date): Promise<TrashCounts> {
  const scope = defaultTrashScope(actor);
  const retention = retentionOfDays((await getWorkspaceSummary(actor)).retentionDays);
  const due = sqlTime(retention.dueWithin(now, EXPIRING_SOON_HOURS));
  const [counts] = await selectRows<TrashCounts[]>`
    SELECT count(*)::int AS total,
           (count(*) FILTER (
             WHERE "deletedById" = ${actor.userId} AND "heldAt" IS NULL AND "deletedAt" <= ${due}
           ))::int AS "expiringSoon"
    FROM "Record" WHERE ${trashScopeSql(actor, scope)}`;
  return counts!;
}

/** The sidebar's count alone (the dashboard refreshes it after a change). */
export async function countTrash(actor: Actor): Promise<number> {
  return (await trashCounts(actor, new Date())).total;
}

/** The purge notice's count alone (the dashboard refreshes it after a change). */
export async function countExpiringSoon(actor: Actor, _input: object, now: Date): Promise<{ count: number }> {
  return { count: (await trashCounts(actor, now)).expiringSoon };
}
