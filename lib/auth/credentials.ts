import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { verifyPassword } from "./password";

/** Who signed in: an actor before any door (the session re-reads it per request anyway). */
export type SignedInUser = Omit<Actor, "door">;

/** Email and password to a user and their workspace, or null — never which of the two was wrong. */
export async function authenticate(email: string, password: string): Promise<SignedInUser | null> {
  const user = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: {
      id: true, name: true, email: true, passwordHash: true,
      memberships: { select: { workspaceId: true, role: true }, orderBy: { createdAt: "asc" }, take: 1 },
    },
  });
  const membership = user?.memberships[0];
  if (!user || !membership || !(await verifyPassword(password, user.passwordHash))) return null;
  return { userId: user.id, workspaceId: membership.workspaceId, role: membership.role, name: user.name, email: user.email };
}
