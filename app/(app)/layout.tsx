import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireActor } from "@/lib/auth/session";
import { countTrash } from "@/lib/trash/list";
import { getWorkspaceSummary } from "@/lib/workspace";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const [workspace, trashCount] = await Promise.all([getWorkspaceSummary(actor), countTrash(actor)]);
  return (
    <AppShell user={{ name: actor.name, email: actor.email, role: actor.role }} workspaceName={workspace.name} trashCount={trashCount}>
      {children}
    </AppShell>
  );
}
