import type { Role } from "@/generated/prisma/enums";
import { writeAudit } from "@/lib/audit/write";
import { hashPassword } from "@/lib/auth/password";
import { newPasswordSchema } from "@/lib/auth/password-rules";
import { transaction } from "@/lib/db/tx";
import { AppError, notFound } from "@/lib/errors";
import { roleSchema } from "@/lib/members/schemas";
import { parseInput } from "@/lib/validation";
import { z } from "zod";
import { addPersonTx, createWorkspaceTx } from "./new-workspace";
import { emailSchema, personNameSchema, workspaceNameSchema } from "./schemas";

// The headless doors (npm run user): the same rules as the pages, the CLI door in the audit log.

export const cliCreateSchema = z.object({
  email: emailSchema,
  name: personNameSchema,
  workspace: workspaceNameSchema,
  role: roleSchema,
  password: newPasswordSchema,
});

/**
 * A user in a workspace named W (created when none has that name): a new email gets this
 * password; an existing user keeps theirs and gains the membership.
 */
export async function createUserFromCli(
  raw: unknown,
): Promise<{ userId: string; workspaceId: string; created: boolean; role: Role }> {
  const input = parseInput(cliCreateSchema, raw);
  return transaction(async (tx) => {
    const found = await tx.workspace.findFirst({
      where: { OR: [{ name: input.workspace }, { slug: input.workspace }, { id: input.workspace }] },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true },
    });
    const workspace = found ?? (await createWorkspaceTx(tx, input.workspace));
    const user = await tx.user.findUnique({
      where: { email: input.email },
      select: { memberships: { where: { workspaceId: workspace.id }, select: { id: true } } },
    });
    if (user?.memberships.length)
      throw new AppError("CONFLICT", `${input.email} is already a member of ${workspace.name}.`, "email");
    const { userId, created } = await addPersonTx(tx, { ...input, workspaceId: workspace.id });
    await writeAudit(
      tx,
      { userId, workspaceId: workspace.id, door: "CLI" },
      {
        action: "members.add",
        targetIds: [userId],
        details: { email: input.email, name: input.name, role: input.role },
      },
    );
    return { userId, workspaceId: workspace.id, created, role: input.role };
  });
}

/** A new password for a user by email; every session of theirs ends. */
export async function resetPasswordFromCli(raw: { email: unknown; password: unknown }): Promise<{ email: string }> {
  const email = parseInput(emailSchema, raw.email);
  const password = parseInput(newPasswordSchema, raw.password);
  const passwordHash = await hashPassword(password);
  return transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { email },
      select: { id: true, memberships: { select: { workspaceId: true } } },
    });
    if (!user) throw notFound(`User ${email}`);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    for (const { workspaceId } of user.memberships)
      await writeAudit(
        tx,
        { userId: user.id, workspaceId, door: "CLI" },
        { action: "account.passwordReset", targetIds: [user.id], details: { email } },
      );
    return { email };
  });
}
