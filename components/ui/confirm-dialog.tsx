"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { AlertTriangle, Trash2, type LucideIcon } from "lucide-react";
import { useState, type ReactNode } from "react";
import { Button } from "./button";
import { useFocusReturn } from "./use-focus-return";

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  tone?: "danger" | "primary";
  icon?: LucideIcon;
  /** When set, the confirm button stays disabled until exactly this text is typed. */
  typedConfirmation?: string;
  pending?: boolean;
  /** Called with what was typed, when a typed confirmation was asked (the server checks it again). */
  onConfirm: (typed: string) => void;
}

/** One confirm dialog for every destructive verb; the words passed in say what will happen. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  children,
  confirmLabel,
  tone = "danger",
  icon,
  typedConfirmation,
  pending,
  onConfirm,
}: Props) {
  const [typed, setTyped] = useState("");
  const focusReturn = useFocusReturn();
  const Icon = icon ?? (tone === "danger" ? AlertTriangle : Trash2);
  const blocked = typedConfirmation !== undefined && typed.trim().toLowerCase() !== typedConfirmation.toLowerCase();
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(o) => {
        if (!o) setTyped("");
        onOpenChange(o);
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40 backdrop-blur-[1px] data-[state=open]:animate-in" />
        <Dialog.Content
          className="fixed left-1/2 top-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-md overflow-y-auto -translate-x-1/2 -translate-y-1/2 rounded-2xl border border-zinc-200 bg-white p-6 shadow-xl focus:outline-none"
          {...focusReturn}
        >
          <div className="flex gap-4">
            <span
              className={`flex size-10 shrink-0 items-center justify-center rounded-full ${tone === "danger" ? "bg-red-50 text-red-600" : "bg-brand-50 text-brand-600"}`}
            >
              <Icon className="size-5" aria-hidden />
            </span>
            <div className="min-w-0 flex-1">
              <Dialog.Title className="text-base font-semibold text-zinc-900">{title}</Dialog.Title>
              <Dialog.Description asChild>
                <div className="mt-2 space-y-2 text-sm text-zinc-600">{children}</div>
              </Dialog.Description>
              {typedConfirmation !== undefined && (
                <label className="mt-4 block text-sm">
                  <span className="text-zinc-700">
                    Type <span className="font-mono font-semibold text-zinc-900">{typedConfirmation}</span> to confirm
                  </span>
                  <input
                    autoFocus
                    value={typed}
                    onChange={(e) => setTyped(e.target.value)}
                    aria-label="Confirmation"
                    className="mt-1.5 block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm focus:border-red-500 focus:ring-2 focus:ring-red-500/20 focus:outline-none"
                  />
                </label>
              )}
            </div>
          </div>
          <div className="mt-6 flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button variant="secondary">Cancel</Button>
            </Dialog.Close>
            <Button
              variant={tone === "danger" ? "danger" : "primary"}
              disabled={blocked || pending}
              onClick={() => onConfirm(typed.trim())}
            >
              {pending ? "Working…" : confirmLabel}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
