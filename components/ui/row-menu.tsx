"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { clsx } from "clsx";
import type { LucideIcon } from "lucide-react";
import { useRef, useState } from "react";
import { CssIcon } from "./css-icon";

export interface RowMenuItem {
  label: string;
  icon: LucideIcon;
  onSelect: () => void;
  danger?: boolean;
}

/**
 * A row's actions folded behind one "⋯" button, for narrow screens (radix menu: arrow keys, Escape,
 * focus return). Until first used it is a plain button: a radix menu per row of fifty was most of
 * the trash page's server render, for a menu few rows ever open.
 */
export function RowMenu({ label, items, className }: { label: string; items: RowMenuItem[]; className?: string }) {
  const [used, setUsed] = useState(false);
  if (items.length === 0) return null;
  if (!used) {
    return (
      <button
        type="button"
        className={clsx("menu-trigger", className)}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={false}
        onClick={() => setUsed(true)}
        onKeyDown={(event) => {
          if (event.key !== "ArrowDown") return;
          event.preventDefault(); // the menu opens; the page does not scroll a line
          setUsed(true);
        }}
      >
        <CssIcon name="ellipsis" />
      </button>
    );
  }
  return <OpenedRowMenu label={label} items={items} className={className} />;
}

/** The radix menu, mounted open by the click that first asked for it and kept from then on. */
function OpenedRowMenu({ label, items, className }: { label: string; items: RowMenuItem[]; className?: string }) {
  const trigger = useRef<HTMLButtonElement>(null);
  // Opened, the menu takes focus; closed, radix returns it to this button, which stays.
  return (
    <Menu.Root modal={false} defaultOpen>
      <Menu.Trigger ref={trigger} className={clsx("menu-trigger", className)} aria-label={label}>
        <CssIcon name="ellipsis" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="end"
          sideOffset={4}
          collisionPadding={8}
          className="z-50 min-w-44 rounded-lg border border-zinc-200 bg-white p-1 text-sm shadow-lg"
        >
          {items.map(({ label: text, icon: Icon, onSelect, danger }) => (
            <Menu.Item
              key={text}
              onSelect={() => {
                // Focus the menu's button first, so a dialog this opens returns focus there when it closes.
                trigger.current?.focus();
                onSelect();
              }}
              className={clsx(
                "flex cursor-default items-center gap-2 rounded-md px-2.5 py-2 outline-none select-none",
                danger ? "text-red-700 data-[highlighted]:bg-red-50" : "text-zinc-700 data-[highlighted]:bg-zinc-100",
              )}
            >
              <Icon className="size-4" aria-hidden /> {text}
            </Menu.Item>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
