// Formats instants in a given IANA time zone (the viewer's, from the `tz` cookie or the
// browser), so the server and the browser render the same text and hydration agrees.
import { formatDistanceStrict } from "date-fns";

export const TIME_ZONE_COOKIE = "tz";
export const FALLBACK_TIME_ZONE = "UTC";
const LOCALE = "en-US";

export type TimeStyle = "date" | "datetime" | "seconds" | "long" | "relative";

const OPTIONS: Record<Exclude<TimeStyle, "relative">, Intl.DateTimeFormatOptions> = {
  date: { month: "short", day: "numeric", year: "numeric" },
  datetime: { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" },
  seconds: { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" },
  long: { weekday: "long", month: "long", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" },
};

/** A cookie value is only trusted when the runtime knows it as a time zone. */
export function validTimeZone(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new Intl.DateTimeFormat(LOCALE, { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export function formatTime(instant: Date | string, timeZone: string, style: TimeStyle, now = new Date()): string {
  const date = new Date(instant);
  if (style === "relative") {
    return now.getTime() - date.getTime() < 60_000 && now >= date ? "just now" : formatDistanceStrict(date, now, { addSuffix: true });
  }
  return new Intl.DateTimeFormat(LOCALE, { ...OPTIONS[style], timeZone }).format(date);
}

/** The hover text: full date, time to the second, zone abbreviation and zone name. */
export function exactTime(instant: Date | string, timeZone: string): string {
  const text = new Intl.DateTimeFormat(LOCALE, {
    weekday: "short", month: "short", day: "numeric", year: "numeric",
    hour: "numeric", minute: "2-digit", second: "2-digit", timeZoneName: "short", timeZone,
  }).format(new Date(instant));
  return `${text} (${timeZone})`;
}
