import { z } from "zod";

/**
 * A keyset position — a row's sort instant and id — as an opaque URL-safe string. Every
 * paged list (records, trash, segment members, audit log) uses this one codec, so a bad
 * cursor means the same everywhere: a VALIDATION error on the field "cursor", which JSON
 * doors answer with 400 and pages answer with the first page.
 */
export interface Position {
  at: Date;
  id: string;
}

export const INVALID_CURSOR = "The page cursor is not valid; start again from the first page.";

// PostgreSQL timestamps end at year 294276 and JavaScript dates at 275760: a position outside
// the years any row can have is a forged cursor, refused before it reaches the database.
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);

export function encodeCursor(p: Position): string {
  return Buffer.from(`${p.at.toISOString()}|${p.id}`).toString("base64url");
}

export function decodeCursor(cursor: string): Position | null {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const bar = text.indexOf("|");
  if (bar < 0) return null;
  const at = new Date(text.slice(0, bar));
  const id = text.slice(bar + 1);
  const time = at.getTime();
  if (Number.isNaN(time) || time < EARLIEST || time > LATEST) return null;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  return { at, id };
}

/** The cursor parameter of every paged input: parsed into a Position at the door. */
export const cursorSchema = z
  .string()
  .max(300, INVALID_CURSOR)
  .transform((raw, ctx) => {
    const position = decodeCursor(raw);
    if (!position) {
      ctx.addIssue({ code: "custom", message: INVALID_CURSOR });
      return z.NEVER;
    }
    return position;
  });
