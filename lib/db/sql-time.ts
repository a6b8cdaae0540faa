import { Prisma } from "@/generated/prisma/client";

/**
 * A moment as raw SQL compares and stores it: Prisma keeps DateTime as UTC wall time in
 * `timestamp(3)`, so the value is sent as that, whatever the session's time zone.
 */
export function sqlTime(at: Date): Prisma.Sql {
  return Prisma.sql`${at.toISOString().replace("Z", "")}::timestamp(3)`;
}
