"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { CssIcon, type CssIconName } from "@/components/ui/css-icon";
import { MAIN_PAGES, type MainPageHref } from "@/lib/universal/site-map";
import { TrashCountBadge } from "./trash-count-badge";

const ICONS: Record<MainPageHref, CssIconName> = {
  "/records": "table",
  "/trash": "trash",
  "/segments": "list-filter",
  "/automations": "workflow",
  "/audit": "history",
  "/settings": "settings",
};

export function SidebarNav({ trashCount }: { trashCount: number }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex-1 space-y-0.5 p-3">
      {MAIN_PAGES.map(({ href, label }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link key={href} href={href} prefetch={false} aria-current={active ? "page" : undefined} className="nav-link">
            <CssIcon name={ICONS[href]} />
            <span className="flex-1">{label}</span>
            {href === "/trash" && <TrashCountBadge initial={trashCount} />}
          </Link>
        );
      })}
    </nav>
  );
}
