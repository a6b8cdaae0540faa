"use client";

import { toast } from "sonner";
import { queryKeys, RECORD_VIEWS } from "@/components/queries/keys";
import {
  deleteRecordsAction,
  destroyRecordsNowAction,
  destroyRecordsAction,
  restoreRecordsAction,
  undoDeleteAction,
} from "@/lib/actions/records";
import { dismissMovedToTrashToasts, toastMovedToTrash } from "./moved-to-trash-toast";
import { removeRows } from "./optimistic";
import { plural, summarizeFailures, useActionMutation } from "./use-action-mutation";

export function useUndoDelete() {
  return useActionMutation({
    action: (batchIds: string[]) => undoDeleteAction({ batchIds }),
    refresh: RECORD_VIEWS,
    onSuccess: ({ succeeded, failed }) => {
      dismissMovedToTrashToasts();
      if (failed.length)
        toast.warning(
          `Restored ${plural(succeeded.length, "record")}; ${failed.length} could not be restored. ${summarizeFailures(failed)}`,
        );
      else toast.success(`Restored ${plural(succeeded.length, "record")}.`);
    },
  });
}

/**
 * Delete to trash: rows vanish at once, come back if the server refuses; the toast offers Undo
 * (and says for how many days the trash keeps them). `onUndone` runs once Undo has restored them.
 */
export function useDeleteRecords(options: {
  retentionDays: number;
  onDeleted?: () => void;
  onUndone?: (ids: string[]) => void;
}) {
  const undo = useUndoDelete();
  return useActionMutation({
    action: (input: { ids: string[]; runAutomations?: boolean }) => deleteRecordsAction(input),
    refresh: RECORD_VIEWS,
    optimistic: (queryClient, { ids }) => removeRows(queryClient, queryKeys.records.all, new Set(ids), ids.length),
    onSuccess: (result) => {
      const n = result.succeeded.length;
      if (n > 0 && result.batchId) {
        const batchId = result.batchId;
        toastMovedToTrash({
          count: n,
          retentionDays: options.retentionDays,
          notDeleted: result.failed.length
            ? `${result.failed.length} not deleted: ${summarizeFailures(result.failed)}`
            : undefined,
          onUndo: () => undo.mutate([batchId], { onSuccess: ({ succeeded }) => options.onUndone?.(succeeded) }),
        });
        options.onDeleted?.();
      } else if (result.failed.length) {
        toast.error(`Nothing deleted. ${summarizeFailures(result.failed)}`);
      }
    },
  });
}

export function useRestoreRecords() {
  return useActionMutation({
    action: (ids: string[]) => restoreRecordsAction({ ids }),
    refresh: RECORD_VIEWS,
    optimistic: (queryClient, ids) => removeRows(queryClient, queryKeys.trash.all, new Set(ids), -ids.length),
    onSuccess: (result) => {
      const n = result.succeeded.length;
      if (n > 0) dismissMovedToTrashToasts();
      if (result.failed.length) {
        toast.warning(
          n ? `Restored ${plural(n, "record")}; ${result.failed.length} could not be restored.` : "Could not restore.",
          { description: summarizeFailures(result.failed), duration: 10_000 },
        );
      } else {
        toast.success(`Restored ${plural(n, "record")} with everything that belonged to ${n === 1 ? "it" : "them"}.`);
      }
    },
  });
}

/** Permanent delete: of trashed records (`from: "trash"`), or erasure of live ones from the record page. */
export function useDestroyRecords(options: { onDeleted?: () => void; from?: "trash" | "live" } = {}) {
  return useActionMutation({
    action: (input: { ids: string[]; confirmCount?: string }) =>
      options.from === "live" ? destroyRecordsNowAction(input) : destroyRecordsAction(input),
    refresh: RECORD_VIEWS,
    optimistic: (queryClient, { ids }) => {
      const rollbackTrash = removeRows(queryClient, queryKeys.trash.all, new Set(ids));
      const rollbackRecords = removeRows(queryClient, queryKeys.records.all, new Set(ids));
      return () => {
        rollbackTrash();
        rollbackRecords();
      };
    },
    onSuccess: (result) => {
      if (result.succeeded.length) toast.success(`Deleted ${plural(result.succeeded.length, "record")} permanently.`);
      if (result.failed.length) toast.error(`${result.failed.length} not deleted. ${summarizeFailures(result.failed)}`);
      if (result.succeeded.length) options.onDeleted?.();
    },
  });
}
