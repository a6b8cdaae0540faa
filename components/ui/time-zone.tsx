"use client";

import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from "react";
import { TIME_ZONE_COOKIE, validTimeZone } from "./format-time";

const TimeZoneContext = createContext<string>("UTC");

export const useTimeZone = () => useContext(TimeZoneContext);

const noSubscription = () => () => {};
const browserZone = () => validTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);

/**
 * Hydrates with the zone the server rendered in (from the `tz` cookie), then switches to the
 * browser's zone if it differs and stores it in the cookie, so the next server render already
 * uses it: no hydration mismatch, and at most one re-render on a browser's very first visit.
 */
export function TimeZoneProvider({ initial, children }: { initial: string; children: ReactNode }) {
  const timeZone = useSyncExternalStore(
    noSubscription,
    () => browserZone() ?? initial,
    () => initial,
  );
  useEffect(() => {
    if (timeZone !== initial)
      document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(timeZone)}; path=/; max-age=31536000; samesite=lax`;
  }, [timeZone, initial]);
  return <TimeZoneContext.Provider value={timeZone}>{children}</TimeZoneContext.Provider>;
}
