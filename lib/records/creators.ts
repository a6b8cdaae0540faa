import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";

/** Who created each of these records of the caller's workspace (null once that user is gone), by record id. */
export async function creatorsOf(
  actor: Actor,
  ids: string[],
): Promise<Map<string, { id: string; name: string } | null>> {
  if (!ids.length) return new Map();
  const rows = await db().record.findMany({
    where: { workspaceId: actor.workspaceId, id: { in: ids } },
    select: { id: true, createdBy: { select: { id: true, name: true } } },
  });
  return new Map(rows.map((r) => [r.id, r.createdBy]));
}
