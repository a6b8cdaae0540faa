import { cache } from "react";
import { selectRows } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/lib/actor";

export interface EntitySummary {
  id: string;
  slug: string;
  name: string;
}

/**
 * The workspace's record types (a handful). Once per request: a records page's tabs, its list and
 * its fields each need them (React's cache is per request; outside a render it calls through).
 */
export const listEntities = cache(
  // A plain statement, as the workspace's (lib/workspace.ts): every records and trash page reads it.
  async (actor: Actor): Promise<EntitySummary[]> => selectRows<EntitySummary[]>`
    SELECT id, slug, name FROM "Entity" WHERE "workspaceId" = ${actor.workspaceId} ORDER BY "createdAt", id`,
);

/** An entity of the caller's workspace by id or (case-insensitive) slug; another workspace's is "not found". */
export async function resolveEntity(actor: Actor, idOrSlug: string): Promise<EntitySummary> {
  const slug = idOrSlug.toLowerCase();
  const entity = (await listEntities(actor)).find((e) => e.id === idOrSlug || e.slug === slug);
  if (!entity) throw notFound("Entity");
  return entity;
}
