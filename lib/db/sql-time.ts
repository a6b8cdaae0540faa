import { Prisma } from "@/generated/prisma/client";

/**
 * A moment as raw SQL compares and stores it: Prisma keeps DateTime as UTC wall time in
 * `timestamp(3)`, so the value is sent as that, whatever the session's time zone.
 */
export function sqlTime(at: Date): Prisma.Sql {
  return Prisma.sql`${at.toISOString().replace("Z", "")}::timestamp(3)`;
}

/**
 * A timestamp column as a raw statement should read it back: epoch milliseconds, which
 * `new Date(ms)` makes the instant again. PGlite's driver reads a `timestamp` in the process's
 * time zone (PostgreSQL's reads it as UTC), so a Date read directly moves by the zone's offset.
 */
export function sqlMillis(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(extract(epoch FROM ${column}) * 1000)::float8`;
}
