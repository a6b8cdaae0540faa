"use client";

import { toast } from "sonner";
import { plural } from "./use-action-mutation";

// The toasts still offering Undo: a restore by any other way makes them stale, so they go.
const open = new Set<string | number>();

/** Dismisses every "Moved … to the trash" toast (after a restore, their Undo would be a lie). */
export function dismissMovedToTrashToasts() {
  for (const id of open) toast.dismiss(id);
  open.clear();
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  !!target.closest("input:not([type=checkbox]), textarea, select, [contenteditable=true]");

/**
 * The toast after any move to the trash (a row, a selection, a whole filter): what moved, for how
 * long it can come back, and Undo — also Ctrl+Z (⌘Z) while the toast is on screen.
 */
export function toastMovedToTrash({
  count,
  retentionDays,
  notDeleted,
  onUndo,
  duration = 10_000,
}: {
  count: number;
  retentionDays: number;
  /** Why some were not moved, when some were not. */
  notDeleted?: string;
  onUndo: () => void;
  duration?: number;
}) {
  let id: string | number = "";
  const undo = () => {
    forget();
    toast.dismiss(id);
    onUndo();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key.toLowerCase() !== "z" || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || isTyping(e.target))
      return;
    if (document.querySelector("[role=dialog], [role=alertdialog]")) return;
    e.preventDefault();
    undo();
  };
  const forget = () => {
    document.removeEventListener("keydown", onKey);
    open.delete(id);
  };
  const restoreFor = `You can restore ${count === 1 ? "it" : "them"} from the trash for ${plural(retentionDays, "day")}.`;
  id = toast.success(`Moved ${plural(count, "record")} to the trash.`, {
    description: `${notDeleted ?? restoreFor} Undo: Ctrl+Z`,
    action: { label: "Undo", onClick: undo },
    duration,
    onDismiss: forget,
    onAutoClose: forget,
  });
  open.add(id);
  document.addEventListener("keydown", onKey);
}
