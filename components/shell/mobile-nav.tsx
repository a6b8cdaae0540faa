"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import { useState, type MouseEvent, type ReactNode } from "react";

/** Below the `lg` breakpoint the sidebar lives in a sheet opened from a top bar. */
export function MobileNav({ brand, children }: { brand: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  // Following a link in the sheet closes it (the page behind changes).
  const closeOnLink = (e: MouseEvent) => {
    if ((e.target as HTMLElement).closest("a")) setOpen(false);
  };
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b border-zinc-200 bg-white px-3 lg:hidden">
        <Dialog.Trigger className="rounded-lg p-2 text-zinc-700 hover:bg-zinc-100" aria-label="Open navigation">
          <Menu className="size-5" aria-hidden />
        </Dialog.Trigger>
        {brand}
      </header>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40 lg:hidden" />
        <Dialog.Content className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col bg-white shadow-xl focus:outline-none lg:hidden" onClick={closeOnLink} aria-describedby={undefined}>
          <div className="flex h-14 items-center justify-between gap-2 border-b border-zinc-100 px-4">
            <Dialog.Title className="sr-only">Navigation</Dialog.Title>
            {brand}
            <Dialog.Close className="rounded-lg p-2 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900" aria-label="Close navigation">
              <X className="size-4" aria-hidden />
            </Dialog.Close>
          </div>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
