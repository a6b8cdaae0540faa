import { AppError } from "@/lib/errors";

/** Keyset position (createdAt, id) as an opaque URL-safe string. */
export interface Position {
  createdAt: Date;
  id: string;
}

export function encodeCursor(p: Position): string {
  return Buffer.from(`${p.createdAt.toISOString()}|${p.id}`).toString("base64url");
}

export function decodeCursor(cursor: string): Position {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) throw new AppError("VALIDATION", "The page cursor is not valid.", "cursor");
  return { createdAt, id };
}
