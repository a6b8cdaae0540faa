import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit/write";
import { hashLinkToken, newLinkToken } from "@/lib/auth/link-token";
import { verifyPassword } from "@/lib/auth/password";
import { braked, linkKeys, throttleKeys } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/tx";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { publicUrl, sendMail } from "@/lib/mail/send";
import { assertCan, canManageRole, MEMBER_MANAGE_REFUSED } from "@/lib/permissions";
import { addPersonTx } from "@/lib/setup/new-workspace";
import type { AcceptInvitationInput, InviteInput } from "./schemas";

export const INVITATION_DAYS = 7;
export const INVITATION_INVALID =
  "This invitation link is not valid: it was used, revoked or has expired. Ask for a new one.";
export const NOT_YOUR_PASSWORD = "That is not this account's password. Enter the password you sign in with.";

export interface CreatedInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
  /** The link, shown once; only its hash is stored. */
  path: string;
  mailed: boolean;
}

/** Invites an email with a role: a single-use link, 7 days; an earlier pending invitation of that email is replaced. */
export async function inviteMember(actor: Actor, input: InviteInput, now: Date): Promise<CreatedInvitation> {
  assertCan(actor, "members.manage");
  if (!canManageRole(actor, input.role)) throw forbidden(MEMBER_MANAGE_REFUSED);
  const { token, tokenHash } = newLinkToken();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const { invitation, workspace } = await transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { workspaceId: actor.workspaceId, user: { email: input.email } },
      select: { id: true },
    });
    if (member) throw new AppError("CONFLICT", `${input.email} is already a member of this workspace.`, "email");
    await tx.invitation.updateMany({
      where: { workspaceId: actor.workspaceId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const created = await tx.invitation.create({
      data: {
        workspaceId: actor.workspaceId,
        email: input.email,
        role: input.role,
        tokenHash,
        invitedById: actor.userId,
        createdAt: now,
        expiresAt,
      },
      select: { id: true },
    });
    await writeAudit(tx, actor, {
      action: "members.invite",
      targetIds: [created.id],
      details: { email: input.email, role: input.role },
    });
    const ws = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { name: true } });
    return { invitation: created, workspace: ws };
  });
  const path = `/invite/${token}`;
  const mailed = await sendMail({
    to: input.email,
    subject: `${actor.name} invited you to ${workspace.name} on Trash Bin CRM`,
    text: `${actor.name} (${actor.email}) invited you to the workspace "${workspace.name}" as ${input.role.toLowerCase()}.\n\nAccept within ${INVITATION_DAYS} days: ${publicUrl(path)}\n\nThe link works once. If you did not expect this, ignore this mail.`,
  });
  return { id: invitation.id, email: input.email, role: input.role, expiresAt: expiresAt.toISOString(), path, mailed };
}

/** Revokes a pending invitation of the caller's workspace; another workspace's answers "not found". */
export async function revokeInvitation(actor: Actor, { id }: { id: string }, now: Date) {
  assertCan(actor, "members.manage");
  return transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id, workspaceId: actor.workspaceId, acceptedAt: null, revokedAt: null },
      select: { id: true, email: true, role: true },
    });
    if (!invitation) throw notFound("Invitation");
    if (!canManageRole(actor, invitation.role)) throw forbidden(MEMBER_MANAGE_REFUSED);
    await tx.invitation.update({ where: { id }, data: { revokedAt: now } });
    await writeAudit(tx, actor, {
      action: "members.uninvite",
      targetIds: [id],
      details: { email: invitation.email, role: invitation.role },
    });
    return { id };
  });
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  invitedBy: string | null;
}

export async function listPendingInvitations(actor: Actor, now: Date): Promise<PendingInvitation[]> {
  assertCan(actor, "members.manage");
  const rows = await db().invitation.findMany({
    where: { workspaceId: actor.workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      email: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      invitedBy: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    invitedBy: r.invitedBy?.name ?? null,
  }));
}

const openInvitation = (token: string, now: Date) => ({
  tokenHash: hashLinkToken(token),
  acceptedAt: null,
  revokedAt: null,
  expiresAt: { gt: now },
});

/** What the invitation page shows, or null for a link that is not (or no longer) valid. */
export async function invitationPreview(token: string, now: Date) {
  const invitation = await db().invitation.findFirst({
    where: openInvitation(token, now),
    select: { email: true, role: true, workspace: { select: { name: true } }, invitedBy: { select: { name: true } } },
  });
  if (!invitation) return null;
  const existing = await db().user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return {
    email: invitation.email,
    role: invitation.role,
    workspaceName: invitation.workspace.name,
    invitedBy: invitation.invitedBy?.name ?? null,
    existingUser: Boolean(existing),
  };
}

/**
 * An invitation to an email that already has an account adds a membership to that account, so
 * holding the link is not enough (the inviting admin sees it too): the person proves it is them
 * with their password, under the account's sign-in brake, so the page is no way round it either.
 * True when proven, false when the link's email has no account yet.
 */
async function proveExistingUser(input: AcceptInvitationInput, now: Date, address: string | null): Promise<boolean> {
  const invitation = await db().invitation.findFirst({
    where: openInvitation(input.token, now),
    select: { email: true },
  });
  const user = invitation
    ? await db().user.findUnique({ where: { email: invitation.email }, select: { passwordHash: true } })
    : null;
  if (!invitation || !user) return false;
  const { currentPassword } = input;
  const proven = await braked(throttleKeys(invitation.email, address), now, async () =>
    currentPassword && (await verifyPassword(currentPassword, user.passwordHash)) ? true : null,
  );
  if (!proven) throw new AppError("VALIDATION", NOT_YOUR_PASSWORD, "currentPassword");
  return true;
}

/**
 * Accepting: single use (the claim is an update of the still-open row, so two accepts cannot
 * both pass), bound to its workspace and email. A new person gives a name and a password; an
 * existing user, once proven by their password, gains the membership. Under the sign-in brake.
 */
export async function acceptInvitation(
  input: AcceptInvitationInput,
  now: Date,
  address: string | null,
): Promise<{ email: string; workspaceId: string; created: boolean }> {
  const proven = await proveExistingUser(input, now, address);
  const accepted = await braked(linkKeys("invite", address), now, () =>
    transaction(async (tx) => {
      const invitation = await tx.invitation.findFirst({
        where: openInvitation(input.token, now),
        select: { id: true, workspaceId: true, email: true, role: true },
      });
      if (!invitation) return null;
      const claimed = await tx.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null },
        data: { acceptedAt: now },
      });
      if (claimed.count === 0) return null;
      const existing = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
      // An account made since the proof was checked (or none then) has not been proven.
      if (existing && !proven) throw new AppError("VALIDATION", NOT_YOUR_PASSWORD, "currentPassword");
      if (!existing && (!input.name || !input.password))
        throw new AppError("VALIDATION", "Enter your name and a password.", input.name ? "password" : "name");
      const already = existing
        ? await tx.membership.findUnique({
            where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: existing.id } },
            select: { id: true },
          })
        : null;
      const { userId, created } = already
        ? { userId: existing!.id, created: false }
        : await addPersonTx(tx, {
            workspaceId: invitation.workspaceId,
            email: invitation.email,
            name: input.name ?? "",
            password: input.password,
            role: invitation.role,
          });
      await writeAudit(
        tx,
        { userId, workspaceId: invitation.workspaceId, door: "UI" },
        { action: "members.join", targetIds: [userId], details: { email: invitation.email, role: invitation.role } },
      );
      return { email: invitation.email, workspaceId: invitation.workspaceId, created };
    }),
  );
  if (!accepted) throw new AppError("NOT_FOUND", INVITATION_INVALID);
  return accepted;
}
