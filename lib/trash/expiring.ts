import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { trashFilterWhere } from "./list";
import type { TrashFilter } from "./schemas";

/** Within how many hours a purge is "about to go": the purge notice and the trash filter it links to. */
export const EXPIRING_SOON_HOURS = 24;

/** The trash view the notice links to: the caller's own deletions whose purge is near. */
export const EXPIRING_SOON_FILTER = {
  scope: "mine",
  expiringWithinHours: EXPIRING_SOON_HOURS,
} as const satisfies TrashFilter;

/**
 * How many records the caller deleted will be purged within 24 hours (held ones are not
 * about to go). The same where clause as the trash filter the notice links to, so the
 * number and the list agree; one count over the trash index.
 */
export async function countExpiringSoon(actor: Actor, _input: object, now: Date): Promise<{ count: number }> {
  const { where } = await trashFilterWhere(actor, EXPIRING_SOON_FILTER, now);
  return { count: await db().record.count({ where }) };
}
