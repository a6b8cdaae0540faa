import type { TrashFilter } from "./schemas";

/** Within how many hours a purge is "about to go": the purge notice and the trash filter it links to. */
export const EXPIRING_SOON_HOURS = 24;

/** The trash view the notice links to: the caller's own deletions whose purge is near. */
export const EXPIRING_SOON_FILTER = {
  scope: "mine",
  expiringWithinHours: EXPIRING_SOON_HOURS,
} as const satisfies TrashFilter;
