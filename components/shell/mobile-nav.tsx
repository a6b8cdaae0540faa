"use client";

import { Menu } from "lucide-react";
import dynamic from "next/dynamic";
import { useRef, useState, type ReactNode } from "react";

const MobileNavSheet = dynamic(() => import("./mobile-nav-sheet"), { ssr: false });

/** Below the `lg` breakpoint the sidebar lives in a sheet opened from a top bar. */
export function MobileNav({ brand, children }: { brand: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b border-zinc-200 bg-white px-3 lg:hidden">
        <button
          ref={button}
          type="button"
          className="rounded-lg p-2 text-zinc-700 hover:bg-zinc-100"
          aria-label="Open navigation"
          aria-haspopup="dialog"
          aria-expanded={open}
          onClick={() => {
            setOpened(true);
            setOpen(true);
          }}
        >
          <Menu className="size-5" aria-hidden />
        </button>
        {brand}
      </header>
      {opened && (
        <MobileNavSheet brand={brand} open={open} onOpenChange={setOpen} returnFocus={() => button.current?.focus()}>
          {children}
        </MobileNavSheet>
      )}
    </>
  );
}
