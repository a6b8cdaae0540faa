import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/actor";
import type { Tx } from "@/lib/db/tx";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { canManageRole, MEMBER_MANAGE_REFUSED } from "@/lib/permissions";

export interface Target {
  userId: string;
  role: Role;
  name: string;
  email: string;
}

/** A member of the caller's workspace the caller may manage; another workspace's answers "not found". */
export async function manageableMember(tx: Tx, actor: Actor, userId: string): Promise<Target> {
  const m = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: actor.workspaceId, userId } },
    select: { role: true, user: { select: { name: true, email: true } } },
  });
  if (!m) throw notFound("Member");
  if (!canManageRole(actor, m.role)) throw forbidden(MEMBER_MANAGE_REFUSED);
  return { userId, role: m.role, name: m.user.name, email: m.user.email };
}

export const LAST_OWNER = "A workspace always keeps at least one owner: make someone else owner first.";

/**
 * The last-OWNER guard: locks the workspace's owner rows (FOR UPDATE), so two owners demoting
 * each other at once cannot both pass, and refuses when `userId` is the only one.
 */
export async function assertNotLastOwner(tx: Tx, workspaceId: string, userId: string): Promise<void> {
  const owners = await tx.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "Membership" WHERE "workspaceId" = ${workspaceId} AND "role" = 'OWNER' FOR UPDATE`;
  if (owners.length <= 1 && owners.some((o) => o.userId === userId)) throw new AppError("CONFLICT", LAST_OWNER);
}
