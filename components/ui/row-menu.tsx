"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { clsx } from "clsx";
import type { LucideIcon } from "lucide-react";
import { useRef } from "react";
import { CssIcon } from "./css-icon";

export interface RowMenuItem {
  label: string;
  icon: LucideIcon;
  onSelect: () => void;
  danger?: boolean;
}

/** A row's actions folded behind one "⋯" button, for narrow screens (radix menu: arrow keys, Escape, focus return). */
export function RowMenu({ label, items, className }: { label: string; items: RowMenuItem[]; className?: string }) {
  const trigger = useRef<HTMLButtonElement>(null);
  if (items.length === 0) return null;
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger
        ref={trigger}
        className={clsx(
          "rounded-md p-1.5 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 data-[state=open]:bg-zinc-100",
          className,
        )}
        aria-label={label}
      >
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
