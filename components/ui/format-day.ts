// "Dec 4, 2026", as date-fns's format(d, "MMM d, yyyy") writes it, from the platform's Intl:
// the records page ships no date library for its one date column.
const DAY = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric" });

export function formatDay(iso: string | Date): string {
  return DAY.format(new Date(iso));
}
