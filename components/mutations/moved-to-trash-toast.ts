"use client";

import { toast } from "sonner";
import { plural } from "./use-action-mutation";

/** The toast after any move to the trash (a row, a selection, a whole filter): what moved, and Undo. */
export function toastMovedToTrash({
  count,
  notDeleted,
  onUndo,
  duration = 8000,
}: {
  count: number;
  /** Why some were not moved, when some were not. */
  notDeleted?: string;
  onUndo: () => void;
  duration?: number;
}) {
  toast.success(`Moved ${plural(count, "record")} to the trash.`, {
    description: notDeleted ?? "You can restore from the trash for the retention period.",
    action: { label: "Undo", onClick: onUndo },
    duration,
  });
}
