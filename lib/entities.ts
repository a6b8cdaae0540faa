import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/lib/actor";

export interface EntitySummary {
  id: string;
  slug: string;
  name: string;
}

export async function listEntities(actor: Actor): Promise<EntitySummary[]> {
  return db().entity.findMany({
    where: { workspaceId: actor.workspaceId },
    select: { id: true, slug: true, name: true },
    orderBy: { createdAt: "asc" },
  });
}

/** An entity of the caller's workspace by id or (case-insensitive) slug; another workspace's is "not found". */
export async function resolveEntity(actor: Actor, idOrSlug: string): Promise<EntitySummary> {
  const entity = await db().entity.findFirst({
    where: { workspaceId: actor.workspaceId, OR: [{ id: idOrSlug }, { slug: idOrSlug.toLowerCase() }] },
    select: { id: true, slug: true, name: true },
  });
  if (!entity) throw notFound("Entity");
  return entity;
}
