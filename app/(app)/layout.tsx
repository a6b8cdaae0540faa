import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { listMyWorkspaces } from "@/lib/account/account";
import { requireActor } from "@/lib/auth/session";
import { countExpiringSoon } from "@/lib/trash/expiring";
import { countTrash } from "@/lib/trash/list";
import { getWorkspaceSummary } from "@/lib/workspace";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const [workspace, workspaces, trashCount, expiring] = await Promise.all([
    getWorkspaceSummary(actor),
    listMyWorkspaces(actor),
    countTrash(actor),
    countExpiringSoon(actor, {}, new Date()),
  ]);
  return (
    <AppShell
      user={{ name: actor.name, email: actor.email, role: actor.role }}
      workspaceName={workspace.name}
      trashCount={trashCount}
      expiringSoon={expiring.count}
      workspaces={workspaces}
    >
      {children}
    </AppShell>
  );
}
