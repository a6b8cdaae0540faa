import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit/write";
import { hashLinkToken, newLinkToken } from "@/lib/auth/link-token";
import { hashPassword } from "@/lib/auth/password";
import { braked, linkKeys } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/tx";
import { AppError, forbidden } from "@/lib/errors";
import { manageableMember } from "@/lib/members/target";
import { assertCan } from "@/lib/permissions";

export const RESET_MINUTES = 60;
export const RESET_OTHER_WORKSPACES =
  "This person also belongs to another workspace, so a link from this one cannot change their password: they change it under Your account, or an operator runs `npm run user -- reset-password`.";
export const RESET_INVALID =
  "This password-reset link is not valid: it was used or has expired. Ask an admin for a new one.";

/**
 * An ADMIN issues a reset link for a MEMBER or VIEWER (an OWNER for anyone but themselves): single use,
 * 1 hour. A password opens every workspace of its person, so only someone who belongs to this
 * workspace alone can be reset from it: an admin here must not take over an owner of another.
 */
export async function issuePasswordReset(actor: Actor, { userId }: { userId: string }, now: Date) {
  assertCan(actor, "members.manage");
  if (userId === actor.userId)
    throw new AppError("VALIDATION", "Change your own password under Your account.", "userId");
  const { token, tokenHash } = newLinkToken();
  const expiresAt = new Date(now.getTime() + RESET_MINUTES * 60_000);
  await transaction(async (tx) => {
    const target = await manageableMember(tx, actor, userId);
    const elsewhere = await tx.membership.count({ where: { userId, workspaceId: { not: actor.workspaceId } } });
    if (elsewhere > 0) throw forbidden(RESET_OTHER_WORKSPACES);
    // One open link per person: an older one stops working.
    await tx.passwordReset.deleteMany({ where: { userId, usedAt: null } });
    await tx.passwordReset.create({
      data: { workspaceId: actor.workspaceId, userId, tokenHash, createdById: actor.userId, createdAt: now, expiresAt },
    });
    await writeAudit(tx, actor, {
      action: "account.resetLink",
      targetIds: [userId],
      details: { email: target.email, name: target.name, role: target.role },
    });
  });
  return { path: `/reset/${token}`, expiresAt: expiresAt.toISOString() };
}

const openReset = (token: string, now: Date) => ({
  tokenHash: hashLinkToken(token),
  usedAt: null,
  expiresAt: { gt: now },
});

export async function resetPreview(token: string, now: Date) {
  const reset = await db().passwordReset.findFirst({
    where: openReset(token, now),
    select: { user: { select: { email: true, name: true } } },
  });
  return reset?.user ?? null;
}

/** Uses a reset link once: the new password is set and every session of the person ends. Under the brake. */
export async function resetPasswordWithLink(
  input: { token: string; password: string },
  now: Date,
  address: string | null,
): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  const done = await braked(linkKeys("reset", address), now, () =>
    transaction(async (tx) => {
      const reset = await tx.passwordReset.findFirst({
        where: openReset(input.token, now),
        select: { id: true, userId: true, workspaceId: true, user: { select: { email: true } } },
      });
      if (!reset) return null;
      const claimed = await tx.passwordReset.updateMany({
        where: { id: reset.id, usedAt: null },
        data: { usedAt: now },
      });
      if (claimed.count === 0) return null;
      await tx.user.update({
        where: { id: reset.userId },
        data: { passwordHash, sessionVersion: { increment: 1 } },
      });
      await writeAudit(
        tx,
        { userId: reset.userId, workspaceId: reset.workspaceId, door: "UI" },
        { action: "account.passwordReset", targetIds: [reset.userId], details: { email: reset.user.email } },
      );
      return { email: reset.user.email };
    }),
  );
  if (!done) throw new AppError("NOT_FOUND", RESET_INVALID);
  return done;
}
