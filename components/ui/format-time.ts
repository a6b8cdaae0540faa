// Formats instants in a given IANA time zone (the viewer's, from the `tz` cookie or the
// browser), so the server and the browser render the same text and hydration agrees. Only
// the platform's Intl is used: these run in the browser bundle of every list page.

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

// Building an Intl formatter costs about 200 µs, using one about 15: a page of fifty rows with a
// date and its hover text each built a hundred of them per render. One per style and zone, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, options: Intl.DateTimeFormatOptions, timeZone: string): Intl.DateTimeFormat {
  const id = `${key}|${timeZone}`;
  let format = formatters.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone });
    formatters.set(id, format);
  }
  return format;
}

const EXACT: Intl.DateTimeFormatOptions = {
  weekday: "short",
  month: "short",
  day: "numeric",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  second: "2-digit",
  timeZoneName: "short",
};

/** A cookie value is only trusted when the runtime knows it as a time zone. */
export function validTimeZone(value: string | undefined): string | undefined {
  if (!value) return undefined;
  // Every page asks (the cookie). Only names the runtime knows are kept, and at most a thousand
  // of them: it accepts any capitalisation, which a cookie could vary without end.
  const known = knownZones.get(value);
  if (known) return known;
  try {
    const zone = new Intl.DateTimeFormat(LOCALE, { timeZone: value }).resolvedOptions().timeZone;
    if (knownZones.size < 1_000) knownZones.set(value, zone);
    return zone;
  } catch {
    return undefined;
  }
}
const knownZones = new Map<string, string>();

export function formatTime(instant: Date | string, timeZone: string, style: TimeStyle, now = new Date()): string {
  const date = new Date(instant);
  if (style === "relative") {
    return now.getTime() - date.getTime() < 60_000 && now >= date ? "just now" : relativeTime(date, now);
  }
  return formatter(style, OPTIONS[style], timeZone).format(date);
}

/** The hover text: full date, time to the second, zone abbreviation, and the zone's name when that says more. */
export function exactTime(instant: Date | string, timeZone: string): string {
  const format = formatter("exact", EXACT, timeZone);
  const date = new Date(instant);
  // "… 3:04:05 PM UTC" needs no "(UTC)"; "… 10:04:05 AM EST" does say which EST. (format() and
  // formatToParts() differ in V8 on the space before AM, so the text comes from format().)
  // Whether the abbreviation is the zone's own name depends on the zone, not the date: asked once
  // per zone (formatToParts on every row's hover text was a fifth of a table's formatting).
  let named = namesItself.get(timeZone);
  if (named === undefined) {
    named = format.formatToParts(date).some((p) => p.type === "timeZoneName" && p.value === timeZone);
    namesItself.set(timeZone, named);
  }
  const text = format.format(date);
  return named ? text : `${text} (${timeZone})`;
}

// Keys are zones the formatter above accepted (a formatter per zone is kept already).
const namesItself = new Map<string, boolean>();

const RELATIVE_UNITS: readonly (readonly [Intl.RelativeTimeFormatUnit, number])[] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];
const SECOND = ["second", 1000] as const;
const RELATIVE = new Intl.RelativeTimeFormat(LOCALE, { numeric: "always" });

/** "3 days ago", "in 2 hours": the largest whole unit, rounded, like a strict distance. */
function relativeTime(date: Date, now: Date): string {
  const ms = date.getTime() - now.getTime();
  const [unit, size] = RELATIVE_UNITS.find(([, size]) => Math.abs(ms) >= size) ?? SECOND;
  return RELATIVE.format(Math.round(ms / size), unit);
}
