"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { SlidersHorizontal, X } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** Below `md`: one "Filters" button; the filters open in a sheet from the bottom instead of stacking above the rows. */
export function FiltersSheet({ active, children }: { active: number; children: ReactNode }) {
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <Button variant="secondary" className="md:hidden">
          <SlidersHorizontal className="size-4" aria-hidden /> Filters{active ? ` (${active})` : ""}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40 md:hidden" />
        <Dialog.Content className="fixed inset-x-0 bottom-0 z-50 max-h-[85dvh] overflow-y-auto rounded-t-2xl border-t border-zinc-200 bg-white p-5 shadow-xl focus:outline-none md:hidden">
          <div className="mb-4 flex items-center justify-between">
            <Dialog.Title className="text-base font-semibold text-zinc-900">Filter the trash</Dialog.Title>
            <Dialog.Close className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100" aria-label="Close filters">
              <X className="size-4" aria-hidden />
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">Each change applies at once.</Dialog.Description>
          <div className="flex flex-col items-stretch gap-3 [&_select]:w-full">{children}</div>
          <Dialog.Close asChild>
            <Button className="mt-5 w-full">Show results</Button>
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
