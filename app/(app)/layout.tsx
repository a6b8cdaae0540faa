import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { listMyWorkspaces } from "@/lib/account/account";
import { requireActor } from "@/lib/auth/session";
import { trashCounts } from "@/lib/trash/counts";
import { getWorkspaceSummary } from "@/lib/workspace";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const [workspace, workspaces, trash] = await Promise.all([
    getWorkspaceSummary(actor),
    listMyWorkspaces(actor),
    trashCounts(actor, new Date()),
  ]);
  return (
    <AppShell
      user={{ name: actor.name, email: actor.email, role: actor.role }}
      workspaceName={workspace.name}
      trashCount={trash.total}
      expiringSoon={trash.expiringSoon}
      workspaces={workspaces}
    >
      {children}
    </AppShell>
  );
}
