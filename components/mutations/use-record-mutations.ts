"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { deleteRecordsAction, hardDeleteRecordsAction, restoreRecordsAction, undoDeleteAction } from "@/app/actions/records";
import { refreshRecordViews, removeRowsOptimistically } from "./query-keys";
import { runAction, summarizeFailures } from "./run-action";

const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

export function useUndoDelete() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (batchIds: string[]) => Promise.all(batchIds.map((batchId) => runAction(undoDeleteAction({ batchId })))),
    onSuccess: (results) => {
      const restored = results.reduce((n, r) => n + r.succeeded.length, 0);
      const failed = results.flatMap((r) => r.failed);
      if (failed.length) toast.warning(`Restored ${plural(restored, "record")}; ${failed.length} could not be restored. ${summarizeFailures(failed)}`);
      else toast.success(`Restored ${plural(restored, "record")}.`);
    },
    onError: (error) => toast.error(error.message),
    onSettled: () => refreshRecordViews(queryClient),
  });
}

/** Delete to trash: rows vanish at once, come back if the server refuses; the toast offers Undo. */
export function useDeleteRecords(options: { onDeleted?: () => void } = {}) {
  const queryClient = useQueryClient();
  const undo = useUndoDelete();
  return useMutation({
    mutationFn: (ids: string[]) => runAction(deleteRecordsAction({ ids })),
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: ["records"] });
      return { rollback: removeRowsOptimistically(queryClient, ["records"], new Set(ids), ids.length) };
    },
    onError: (error, _ids, context) => {
      context?.rollback();
      toast.error(error.message);
    },
    onSuccess: (result) => {
      const n = result.succeeded.length;
      if (n > 0 && result.batchId) {
        const batchId = result.batchId;
        toast.success(`Moved ${plural(n, "record")} to the trash.`, {
          description: result.failed.length ? `${result.failed.length} not deleted: ${summarizeFailures(result.failed)}` : "You can restore from the trash for the retention period.",
          action: { label: "Undo", onClick: () => undo.mutate([batchId]) },
          duration: 8000,
        });
        options.onDeleted?.();
      } else if (result.failed.length) {
        toast.error(`Nothing deleted. ${summarizeFailures(result.failed)}`);
      }
    },
    onSettled: () => refreshRecordViews(queryClient),
  });
}

export function useRestoreRecords() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => runAction(restoreRecordsAction({ ids })),
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: ["trash"] });
      return { rollback: removeRowsOptimistically(queryClient, ["trash"], new Set(ids), -ids.length) };
    },
    onError: (error, _ids, context) => {
      context?.rollback();
      toast.error(error.message);
    },
    onSuccess: (result) => {
      const n = result.succeeded.length;
      if (result.failed.length) {
        toast.warning(n ? `Restored ${plural(n, "record")}; ${result.failed.length} could not be restored.` : "Could not restore.", { description: summarizeFailures(result.failed), duration: 10_000 });
      } else {
        toast.success(`Restored ${plural(n, "record")} with everything that belonged to ${n === 1 ? "it" : "them"}.`);
      }
    },
    onSettled: () => refreshRecordViews(queryClient),
  });
}

export function useHardDeleteRecords(options: { onDeleted?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => runAction(hardDeleteRecordsAction({ ids })),
    onMutate: async (ids) => {
      await Promise.all([queryClient.cancelQueries({ queryKey: ["trash"] }), queryClient.cancelQueries({ queryKey: ["records"] })]);
      const rollbackTrash = removeRowsOptimistically(queryClient, ["trash"], new Set(ids), 0);
      const rollbackRecords = removeRowsOptimistically(queryClient, ["records"], new Set(ids), 0);
      return { rollback: () => { rollbackTrash(); rollbackRecords(); } };
    },
    onError: (error, _ids, context) => {
      context?.rollback();
      toast.error(error.message);
    },
    onSuccess: (result) => {
      if (result.succeeded.length) toast.success(`Deleted ${plural(result.succeeded.length, "record")} permanently.`);
      if (result.failed.length) toast.error(`${result.failed.length} not deleted. ${summarizeFailures(result.failed)}`);
      if (result.succeeded.length) options.onDeleted?.();
    },
    onSettled: () => refreshRecordViews(queryClient),
  });
}
