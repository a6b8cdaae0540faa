"use client";

import { clsx } from "clsx";
import { BookOpen, Columns3, KeyRound, SlidersHorizontal, Users, Webhook, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { SETTINGS_PAGES, type SettingsPageHref } from "@/lib/universal/site-map";

const ICONS: Record<SettingsPageHref, LucideIcon> = {
  "/settings": SlidersHorizontal,
  "/settings/members": Users,
  "/settings/api-keys": KeyRound,
  "/settings/api": BookOpen,
  "/settings/webhooks": Webhook,
  "/settings/fields": Columns3,
};

/** The settings pages' own navigation, above each page's header. */
export function SettingsTabs() {
  const pathname = usePathname();
  const nav = useRef<HTMLElement>(null);
  // On a narrow screen the tabs scroll sideways: bring the current one into view.
  useEffect(() => {
    const active = nav.current?.querySelector<HTMLElement>("[aria-current=page]");
    if (nav.current && active)
      nav.current.scrollLeft = Math.max(0, active.offsetLeft + active.offsetWidth - nav.current.clientWidth);
  }, [pathname]);
  return (
    <nav
      ref={nav}
      aria-label="Settings"
      className="relative -mt-2 mb-6 flex gap-1 overflow-x-auto border-b border-zinc-200"
    >
      {SETTINGS_PAGES.map(({ href, label }) => {
        const Icon = ICONS[href];
        const active = pathname === href;
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={clsx(
              "-mb-px flex shrink-0 items-center gap-2 whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium transition-colors",
              active
                ? "border-brand-600 text-brand-700"
                : "border-transparent text-zinc-500 hover:border-zinc-300 hover:text-zinc-800",
            )}
          >
            <Icon className="size-4" aria-hidden />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
