import crypto from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import type { Tx } from "@/lib/db/tx";

const BUILT_IN_ENTITIES = [
  ["leads", "Leads"],
  ["contacts", "Contacts"],
  ["deals", "Deals"],
] as const;

/** A new workspace with the built-in entities (leads, contacts, deals). */
export async function createWorkspaceTx(tx: Tx, name: string): Promise<{ id: string; name: string }> {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
  const slug = `${base || "workspace"}-${crypto.randomBytes(3).toString("hex")}`;
  const workspace = await tx.workspace.create({ data: { name, slug }, select: { id: true, name: true } });
  await tx.entity.createMany({
    data: BUILT_IN_ENTITIES.map(([s, n]) => ({ workspaceId: workspace.id, slug: s, name: n })),
  });
  return workspace;
}

/** A user (new, with this password) and their membership; an existing email keeps its password. */
export async function addPersonTx(
  tx: Tx,
  input: { workspaceId: string; email: string; name: string; password?: string; role: Role },
): Promise<{ userId: string; created: boolean }> {
  const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
  const userId =
    existing?.id ??
    (
      await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash: await hashPassword(input.password!) },
        select: { id: true },
      })
    ).id;
  await tx.membership.create({ data: { workspaceId: input.workspaceId, userId, role: input.role } });
  return { userId, created: !existing };
}
