import { writeAudit } from "@/lib/audit/write";
import { braked, linkKeys } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/tx";
import { AppError } from "@/lib/errors";
import { setupCodeMatches } from "./code";
import { addPersonTx, createWorkspaceTx } from "./new-workspace";
import type { SetupInput } from "./schemas";

// Any fixed number: the transaction-scoped advisory lock that serialises first-run setups.
const SETUP_LOCK = 23_0001;

export const ALREADY_SET_UP = "This installation is already set up. Sign in instead.";

/** Whether the installation still has no user: then every page leads to /setup. */
export async function needsSetup(): Promise<boolean> {
  return (await db().user.findFirst({ select: { id: true } })) === null;
}

/**
 * First run: the first workspace and its OWNER, exactly once. The setup code (the server's log,
 * or SETUP_TOKEN) is checked under the sign-in brake; the "no user yet" check runs inside the
 * transaction under an advisory lock, so of two racing setups one wins and the other is refused.
 */
export async function setupInstallation(
  input: SetupInput,
  now: Date,
  address: string | null,
): Promise<{ email: string; workspaceId: string }> {
  if (!(await needsSetup())) throw new AppError("NOT_FOUND", ALREADY_SET_UP);
  const codeOk = await braked(linkKeys("setup", address), now, async () => setupCodeMatches(input.code) || null);
  if (!codeOk)
    throw new AppError(
      "FORBIDDEN",
      "The setup code is wrong. It is printed in the server's log at start (or set with SETUP_TOKEN).",
      "code",
    );
  return transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK}::bigint)`;
    if (await tx.user.findFirst({ select: { id: true } })) throw new AppError("NOT_FOUND", ALREADY_SET_UP);
    const workspace = await createWorkspaceTx(tx, input.workspaceName);
    const { userId } = await addPersonTx(tx, { ...input, workspaceId: workspace.id, role: "OWNER" });
    await writeAudit(
      tx,
      { userId, workspaceId: workspace.id, door: "UI" },
      {
        action: "members.setup",
        targetIds: [userId],
        details: { email: input.email, name: input.name, role: "OWNER", workspace: workspace.name },
      },
    );
    return { email: input.email, workspaceId: workspace.id };
  });
}
