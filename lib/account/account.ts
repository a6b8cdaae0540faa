import type { Actor } from "@/lib/actor";
import { loadActor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit/write";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { braked, throttleKeys } from "@/lib/auth/throttle";
import { db, selectRows } from "@/lib/db/client";
import { transaction } from "@/lib/db/tx";
import { AppError, notFound } from "@/lib/errors";
import type { ChangePasswordInput } from "./schemas";

/** Your own name, as every list and the audit log show it from now on. */
export async function updateName(actor: Actor, { name }: { name: string }) {
  return transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { name } });
    await writeAudit(tx, actor, {
      action: "account.name",
      targetIds: [actor.userId],
      details: { email: actor.email, from: actor.name, to: name },
    });
    return { name };
  });
}

/** Ends every session of the user (their version rises); the caller's door re-issues its own. */
export async function signOutEverywhere(actor: Actor): Promise<{ sessionVersion: number }> {
  return transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: actor.userId },
      data: { sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await writeAudit(tx, actor, {
      action: "account.signOutEverywhere",
      targetIds: [actor.userId],
      details: { email: actor.email },
    });
    return { sessionVersion: user.sessionVersion };
  });
}

/**
 * A new password: the current one is required (under the sign-in brake, like any door that
 * takes a password); every other session ends.
 */
export async function changePassword(
  actor: Actor,
  input: ChangePasswordInput,
  now: Date,
): Promise<{ sessionVersion: number }> {
  const ok = await braked(throttleKeys(actor.email, null), now, async () => {
    const user = await db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
    return (await verifyPassword(input.currentPassword, user.passwordHash)) || null;
  });
  if (!ok) throw new AppError("FORBIDDEN", "Your current password is not right.", "currentPassword");
  const passwordHash = await hashPassword(input.newPassword);
  return transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: actor.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await writeAudit(tx, actor, {
      action: "account.password",
      targetIds: [actor.userId],
      details: { email: actor.email },
    });
    return { sessionVersion: user.sessionVersion };
  });
}

export interface WorkspaceChoice {
  id: string;
  name: string;
  role: Actor["role"];
  current: boolean;
}

/** Every workspace the caller belongs to, for the sidebar's switcher. */
export async function listMyWorkspaces(actor: Actor): Promise<WorkspaceChoice[]> {
  // One statement: every page's layout reads it, and the ORM reads the relation with a second.
  const rows = await selectRows<{ id: string; name: string; role: Actor["role"] }[]>`
    SELECT w.id, w.name, m.role::text AS role
    FROM "Membership" m JOIN "Workspace" w ON w.id = m."workspaceId"
    WHERE m."userId" = ${actor.userId}
    ORDER BY m."createdAt", m.id`;
  return rows.map((r) => ({ ...r, current: r.id === actor.workspaceId }));
}

/** Switching: only to a workspace the caller is a member of (re-read now); any other answers "not found". */
export async function switchWorkspace(actor: Actor, { workspaceId }: { workspaceId: string }) {
  const next = await loadActor(actor.userId, workspaceId, actor.door);
  if (!next) throw notFound("Workspace");
  return { workspaceId, role: next.role };
}
