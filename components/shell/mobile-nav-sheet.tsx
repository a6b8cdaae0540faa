"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { MouseEvent, ReactNode } from "react";

/** The navigation sheet itself, loaded the first time it is opened (it carries the dialog library). */
export default function MobileNavSheet({
  brand,
  children,
  open,
  onOpenChange,
  returnFocus,
}: {
  brand: ReactNode;
  children: ReactNode;
  open: boolean;
  onOpenChange(open: boolean): void;
  /** Opened from a plain button (not a Dialog.Trigger), so Radix would leave focus on <body>. */
  returnFocus(): void;
}) {
  // Following a link in the sheet closes it (the page behind changes).
  const closeOnLink = (e: MouseEvent) => {
    if ((e.target as HTMLElement).closest("a")) onOpenChange(false);
  };
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40 lg:hidden" />
        <Dialog.Content
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col bg-white shadow-xl focus:outline-none lg:hidden"
          onClick={closeOnLink}
          aria-describedby={undefined}
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            returnFocus();
          }}
        >
          <div className="flex h-14 items-center justify-between gap-2 border-b border-zinc-100 px-4">
            <Dialog.Title className="sr-only">Navigation</Dialog.Title>
            {brand}
            <Dialog.Close
              className="rounded-lg p-2 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900"
              aria-label="Close navigation"
            >
              <X className="size-4" aria-hidden />
            </Dialog.Close>
          </div>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
