import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit/write";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/tx";
import { AppError, forbidden } from "@/lib/errors";
import { assertCan, canManageRole, MEMBER_MANAGE_REFUSED } from "@/lib/permissions";
import type { ChangeRoleInput } from "./schemas";
import { assertNotLastOwner, manageableMember } from "./target";

/** A new role for a member. ADMIN: MEMBER ↔ VIEWER only; OWNER: anyone; never the last OWNER away. */
export async function changeMemberRole(actor: Actor, input: ChangeRoleInput) {
  assertCan(actor, "members.manage");
  if (!canManageRole(actor, input.role)) throw forbidden(MEMBER_MANAGE_REFUSED);
  return transaction(async (tx) => {
    const target = await manageableMember(tx, actor, input.userId);
    if (target.role === input.role) return { userId: target.userId, role: target.role };
    if (target.role === "OWNER") await assertNotLastOwner(tx, actor.workspaceId, target.userId);
    await tx.membership.update({
      where: { workspaceId_userId: { workspaceId: actor.workspaceId, userId: target.userId } },
      data: { role: input.role },
    });
    await writeAudit(tx, actor, {
      action: "members.role",
      targetIds: [target.userId],
      details: { email: target.email, name: target.name, from: target.role, to: input.role },
    });
    return { userId: target.userId, role: input.role };
  });
}

/**
 * Removes a member: their membership ends (so does any session in this workspace: every request
 * re-reads it), their API keys here are revoked and their open reset links dropped. What they
 * did stays attributed to them: the user row remains.
 */
export async function removeMember(actor: Actor, { userId }: { userId: string }, now: Date) {
  assertCan(actor, "members.manage");
  return transaction(async (tx) => {
    const target = await manageableMember(tx, actor, userId);
    if (target.role === "OWNER") await assertNotLastOwner(tx, actor.workspaceId, userId);
    await tx.membership.delete({ where: { workspaceId_userId: { workspaceId: actor.workspaceId, userId } } });
    const keys = await tx.apiKey.updateMany({
      where: { workspaceId: actor.workspaceId, userId, revokedAt: null },
      data: { revokedAt: now },
    });
    await tx.passwordReset.deleteMany({ where: { workspaceId: actor.workspaceId, userId, usedAt: null } });
    await writeAudit(tx, actor, {
      action: "members.remove",
      targetIds: [userId],
      details: { email: target.email, name: target.name, role: target.role, revokedKeys: keys.count },
    });
    return { userId, revokedKeys: keys.count };
  });
}

/** The OWNER hands ownership to another member and becomes ADMIN, in one step. */
export async function transferOwnership(actor: Actor, { userId }: { userId: string }) {
  assertCan(actor, "members.manage.any");
  if (userId === actor.userId) throw new AppError("VALIDATION", "Choose another member to make owner.", "userId");
  return transaction(async (tx) => {
    const target = await manageableMember(tx, actor, userId);
    const where = (id: string) => ({ workspaceId_userId: { workspaceId: actor.workspaceId, userId: id } });
    await tx.membership.update({ where: where(userId), data: { role: "OWNER" } });
    await tx.membership.update({ where: where(actor.userId), data: { role: "ADMIN" } });
    await writeAudit(tx, actor, {
      action: "members.transfer",
      targetIds: [userId, actor.userId],
      details: { email: target.email, name: target.name, from: target.role, to: "OWNER", previousOwnerRole: "ADMIN" },
    });
    return { userId, role: "OWNER" as const };
  });
}

export interface MemberRow {
  id: string;
  name: string;
  email: string;
  role: Actor["role"];
  joinedAt: string;
  /** Whether the caller may re-role, remove or reset them; the server checks again. */
  manageable: boolean;
  /** A reset link only for someone who belongs to this workspace alone (see `issuePasswordReset`). */
  resettable: boolean;
}

export async function listMemberRows(actor: Actor): Promise<MemberRow[]> {
  const members = await db().membership.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true, _count: { select: { memberships: true } } } },
    },
  });
  return members.map(({ user: { _count, ...user }, ...m }) => {
    const manageable = user.id !== actor.userId && canManageRole(actor, m.role);
    return {
      ...user,
      role: m.role,
      joinedAt: m.createdAt.toISOString(),
      manageable,
      resettable: manageable && _count.memberships === 1,
    };
  });
}
