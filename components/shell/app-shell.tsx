import type { ReactNode } from "react";
import { PurgeNotice } from "./purge-notice";
import { SidebarNav } from "./sidebar-nav";
import { UserMenu, type ShellUser } from "./user-menu";

export function AppShell({ user, workspaceName, trashCount, expiringSoon, children }: { user: ShellUser; workspaceName: string; trashCount: number; expiringSoon: number; children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-60 shrink-0 flex-col border-r border-zinc-200 bg-white">
        <div className="flex h-14 items-center gap-2.5 border-b border-zinc-100 px-4">
          <span className="flex size-7 items-center justify-center rounded-lg bg-brand-600 text-xs font-bold text-white">
            {workspaceName.slice(0, 1).toUpperCase()}
          </span>
          <div className="min-w-0">
            <p className="truncate text-sm font-semibold" data-testid="workspace-name">{workspaceName}</p>
            <p className="text-[11px] text-zinc-500">Trash Bin CRM</p>
          </div>
        </div>
        <SidebarNav trashCount={trashCount} />
        <PurgeNotice initial={expiringSoon} variant="nav" />
        <UserMenu user={user} />
      </aside>
      <main className="min-w-0 flex-1 px-8 py-7">{children}</main>
    </div>
  );
}
