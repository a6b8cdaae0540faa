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

/**
 * Free-text search over the columns people search by: name, phone number, external id. Every
 * character is itself: Prisma's `contains` sends the term to `LIKE` as it is, where `%` and `_`
 * are wildcards, so a search for "100%" found "100 days".
 */
export function searchWhere(q: string | undefined): Prisma.RecordWhereInput {
  const term = q?.trim();
  if (!term) return {};
  return {
    OR: [
      { name: { contains: literal(term), mode: "insensitive" } },
      { phoneNumber: { contains: literal(normalizePhone(term)) } },
      { externalId: { contains: literal(term), mode: "insensitive" } },
    ],
  };
}

/** `text` as `LIKE` reads it literally: `%`, `_` and the escape `\` escaped. */
function literal(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

/**
 * `searchWhere` in SQL, for the statement that counts a search and reads its first page at once:
 * the same escaped term between `%`, so both find the same rows.
 *
 * A phone number or an external id that holds a plain run of six characters of the term is found
 * through "Record_search_grams_idx" (the migration says why): the run is a condition every match
 * meets, and the `LIKE` beside it keeps the result exactly `searchWhere`'s.
 */
export function searchSql(q: string | undefined): Prisma.Sql | null {
  const term = q?.trim();
  if (!term) return null;
  const text = `%${literal(term)}%`;
  const phone = normalizePhone(term);
  const phoneRun = gramOf(phone);
  const idRun = gramOf(term);
  const phoneLike = `%${literal(phone)}%`;
  return Prisma.sql`(name ILIKE ${text} OR ${
    phoneRun
      ? // Beside the run, the LIKE is written on an expression no index holds: PostgreSQL had also
        // read the trigram index for it and intersected the two, paying the scan the run avoids.
        Prisma.sql`(${GRAMS} @> ARRAY[${phoneRun}::text] AND ("phoneNumber" || '') LIKE ${phoneLike})`
      : Prisma.sql`"phoneNumber"::text LIKE ${phoneLike}`
  } OR ${
    // Lower-cased by the database, as the index's runs were: the same rule for the same letters.
    idRun
      ? Prisma.sql`(${GRAMS} @> ARRAY[lower(${idRun}::text)] AND ("externalId" || '') ILIKE ${text})`
      : Prisma.sql`"externalId" ILIKE ${text}`
  })`;
}

// Written as the index's expression is, so the planner matches the two.
const GRAMS = Prisma.sql`record_search_grams("phoneNumber", "externalId")`;
const GRAM_LENGTH = 6;

/**
 * The last run of six characters of `term` that every match holds as it is: printable ASCII (its
 * lower case is one character, in any collation the index was built in) with no `%`, `_` or `\`,
 * the characters `literal` escapes (kept out so the run never depends on how they are read). Null
 * when the term has no such run.
 */
export function gramOf(term: string): string | null {
  const runs = term.match(/[\x20-\x7e]+/g) ?? [];
  const plain = runs.flatMap((run) => run.split(/[%_\\]/)).filter((run) => run.length >= GRAM_LENGTH);
  const last = plain.at(-1);
  return last ? last.slice(-GRAM_LENGTH) : null;
}
