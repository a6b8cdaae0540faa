"use client";

import { clsx } from "clsx";
import { History, ListFilter, Settings, Table2, Trash2, Workflow, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { MAIN_PAGES, type MainPageHref } from "@/lib/universal/site-map";
import { TrashCountBadge } from "./trash-count-badge";

const ICONS: Record<MainPageHref, LucideIcon> = {
  "/records": Table2,
  "/trash": Trash2,
  "/segments": ListFilter,
  "/automations": Workflow,
  "/audit": History,
  "/settings": Settings,
};

export function SidebarNav({ trashCount }: { trashCount: number }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex-1 space-y-0.5 p-3">
      {MAIN_PAGES.map(({ href, label }) => {
        const Icon = ICONS[href];
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={href}
            prefetch={false}
            aria-current={active ? "page" : undefined}
            className={clsx(
              "flex items-center gap-2.5 rounded-lg px-2.5 py-2 text-sm font-medium transition-colors",
              active ? "bg-brand-50 text-brand-700" : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
            )}
          >
            <Icon className="size-4 shrink-0" aria-hidden />
            <span className="flex-1">{label}</span>
            {href === "/trash" && <TrashCountBadge initial={trashCount} />}
          </Link>
        );
      })}
    </nav>
  );
}
