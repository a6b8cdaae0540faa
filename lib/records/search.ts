import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { normalizePhone } from "@/lib/universal/phone";

/**
 * Free text people search by: printable text only. A NUL or another control character can
 * never match a record, and PostgreSQL refuses NUL in text outright.
 */
export const searchTermSchema = z
  .string()
  .trim()
  .max(200, "At most 200 characters")
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "Search text cannot contain control characters");

// A phone number as stored (E.164), the one rule every door shares.
export { normalizePhone } from "@/lib/universal/phone";

/** Free-text search over the columns people search by: name, phone number, external id. */
export function searchWhere(q: string | undefined): Prisma.RecordWhereInput {
  const term = q?.trim();
  if (!term) return {};
  return {
    OR: [
      { name: { contains: term, mode: "insensitive" } },
      { phoneNumber: { contains: normalizePhone(term) } },
      { externalId: { contains: term, mode: "insensitive" } },
    ],
  };
}

/**
 * `searchWhere` in SQL, for the statement that counts a search and reads its first page at once.
 * Prisma's `contains` sends the term between `%` as it is (a `%` or `_` in it is a wildcard), and so
 * does this, so both find the same rows.
 */
export function searchSql(q: string | undefined): Prisma.Sql | null {
  const term = q?.trim();
  if (!term) return null;
  const text = `%${term}%`;
  return Prisma.sql`(name ILIKE ${text} OR "phoneNumber"::text LIKE ${`%${normalizePhone(term)}%`} OR "externalId" ILIKE ${text})`;
}
