import type { AuditDoor, Role } from "@/generated/prisma/enums";
import { db, selectRows } from "./db/client";
import { noteActor } from "./ops/context";

/** Who is asking, as re-read from the database for this request. */
export interface Actor {
  userId: string;
  workspaceId: string;
  role: Role;
  name: string;
  email: string;
  door: AuditDoor;
  /** Set when the call came through the API door: the key used, for the audit log. */
  apiKeyId?: string;
}

/**
 * Re-reads the caller's membership, so a demoted or removed user loses a right at once,
 * whatever their session token still says. Null when they are no longer a member.
 */
export async function loadActor(
  userId: string,
  workspaceId: string,
  door: AuditDoor,
  /** A session token's version: null once "sign out everywhere" or a new password raised the user's. */
  sessionVersion?: number,
): Promise<Actor | null> {
  // One statement (every page and API call starts here): the ORM reads a relation with a second.
  const [membership] = await selectRows<{ role: Role; name: string; email: string; sessionVersion: number }[]>`
    SELECT m.role::text AS role, u.name, u.email, u."sessionVersion"
    FROM "Membership" m JOIN "User" u ON u.id = m."userId"
    WHERE m."workspaceId" = ${workspaceId} AND m."userId" = ${userId}`;
  if (!membership) return null;
  if (sessionVersion !== undefined && membership.sessionVersion !== sessionVersion) return null;
  noteActor({ userId, workspaceId });
  return { userId, workspaceId, role: membership.role, name: membership.name, email: membership.email, door };
}

/** A user by email in their first workspace (as sign-in picks it), for command-line tools. */
export async function loadActorByEmail(email: string, door: AuditDoor): Promise<Actor | null> {
  const user = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, memberships: { select: { workspaceId: true }, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  const membership = user?.memberships[0];
  return user && membership ? loadActor(user.id, membership.workspaceId, door) : null;
}
