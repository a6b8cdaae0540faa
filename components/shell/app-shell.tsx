import type { ReactNode } from "react";
import { MobileNav } from "./mobile-nav";
import { PurgeNotice } from "./purge-notice";
import { SidebarNav } from "./sidebar-nav";
import { UserMenu, type ShellUser } from "./user-menu";
import { WorkspaceBrand } from "./workspace-brand";
import { WorkspaceSwitcher, type WorkspaceOption } from "./workspace-switcher";

export function AppShell({
  user,
  workspaceName,
  trashCount,
  expiringSoon,
  workspaces = [],
  children,
}: {
  workspaces?: WorkspaceOption[];
  user: ShellUser;
  workspaceName: string;
  trashCount: number;
  expiringSoon: number;
  children: ReactNode;
}) {
  const navigation = (
    <>
      <WorkspaceSwitcher workspaces={workspaces} />
      <SidebarNav trashCount={trashCount} />
      <PurgeNotice initial={expiringSoon} variant="nav" />
      <UserMenu user={user} />
    </>
  );
  return (
    <div className="flex min-h-screen flex-col lg:flex-row">
      {/* The first Tab stop: past the navigation, straight to the page. */}
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-white px-4 py-2 text-sm font-semibold text-brand-700 shadow-lg ring-2 ring-brand-500 focus:not-sr-only focus:fixed focus:left-3 focus:top-3"
      >
        Skip to main content
      </a>
      <MobileNav brand={<WorkspaceBrand name={workspaceName} />}>{navigation}</MobileNav>
      <aside className="sticky top-0 hidden h-screen w-60 shrink-0 flex-col border-r border-zinc-200 bg-white lg:flex">
        <div className="flex h-14 items-center border-b border-zinc-100 px-4">
          <WorkspaceBrand name={workspaceName} testId="workspace-name" />
        </div>
        {navigation}
      </aside>
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-5 focus:outline-none sm:px-6 lg:px-8 lg:py-7">
        {children}
      </main>
    </div>
  );
}
