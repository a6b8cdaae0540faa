import { can, type HasRole } from "@/lib/permissions";

export const SEGMENT_DELETE_REFUSED = "Only its creator or the workspace owner can delete this segment.";

/** Segment delete: MEMBER+ for their own segments; anyone else's (or a removed user's) needs OWNER. */
export function canDeleteSegment(actor: HasRole & { userId: string }, segment: { createdById: string | null }): boolean {
  if (!can(actor, "segments.delete.own")) return false;
  return segment.createdById === actor.userId || can(actor, "segments.delete.any");
}
