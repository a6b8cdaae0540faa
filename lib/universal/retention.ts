// The arithmetic of "how long is left", shared by the browser and the server: the trash
// countdown, the trash list and the purge job all use these functions, so what users see is
// exactly what the purge does. Which retention applies is decided on the server alone
// (lib/purge/retention.ts).
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function purgeAt(deletedAt: Date, retentionDays: number): Date {
  return new Date(deletedAt.getTime() + retentionDays * DAY);
}

/** Records deleted at or before this instant are due for purge at `now`. */
export function purgeCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY);
}

export function isExpired(deletedAt: Date, retentionDays: number, now: Date): boolean {
  return purgeAt(deletedAt, retentionDays).getTime() <= now.getTime();
}

export type Urgency = "calm" | "soon" | "urgent" | "expired";

/**
 * "14 days left" (whole days, rounded up, so a fresh deletion shows the full retention),
 * "5 hours left" in the last day, "12 minutes left" in the last hour.
 */
export function timeLeft(purge: Date, now: Date): { label: string; urgency: Urgency } {
  const ms = purge.getTime() - now.getTime();
  if (ms <= 0) return { label: "Purging soon", urgency: "expired" };
  if (ms < HOUR) {
    const minutes = Math.max(1, Math.floor(ms / 60_000));
    return { label: `${minutes} ${minutes === 1 ? "minute" : "minutes"} left`, urgency: "urgent" };
  }
  if (ms < DAY) {
    const hours = Math.floor(ms / HOUR);
    return { label: `${hours} ${hours === 1 ? "hour" : "hours"} left`, urgency: "urgent" };
  }
  const days = Math.ceil(ms / DAY);
  return { label: `${days} ${days === 1 ? "day" : "days"} left`, urgency: days <= 3 ? "soon" : "calm" };
}
