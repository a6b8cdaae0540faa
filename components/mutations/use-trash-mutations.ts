"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { emptyTrashAction, setHoldAction } from "@/app/actions/trash";
import type { TrashPage } from "@/lib/trash/list";
import { refreshRecordViews } from "./query-keys";
import { runAction } from "./run-action";

export function useSetHold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; hold: boolean }) => runAction(setHoldAction(input)),
    onMutate: async ({ id, hold }) => {
      await queryClient.cancelQueries({ queryKey: ["trash"] });
      const snapshots = queryClient.getQueriesData<TrashPage>({ queryKey: ["trash"] });
      queryClient.setQueriesData<TrashPage>({ queryKey: ["trash"] }, (old) =>
        old && { ...old, items: old.items.map((r) => (r.id === id ? { ...r, heldAt: hold ? new Date().toISOString() : null } : r)) },
      );
      return { rollback: () => snapshots.forEach(([k, d]) => queryClient.setQueryData(k, d)) };
    },
    onError: (error, _input, context) => {
      context?.rollback();
      toast.error(error.message);
    },
    onSuccess: ({ held }) => toast.success(held ? "On hold: this record will not be purged until released." : "Hold released: the countdown applies again."),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["trash"] }),
  });
}

export function useEmptyTrash(options: { onDone?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirmation: string) => runAction(emptyTrashAction({ confirmation })),
    onError: (error) => toast.error(error.message),
    onSuccess: ({ destroyed, keptOnHold }) => {
      toast.success(`Emptied the trash: ${destroyed.toLocaleString("en-US")} deleted permanently.`, {
        description: keptOnHold ? `${keptOnHold} on hold kept.` : undefined,
      });
      options.onDone?.();
    },
    onSettled: () => refreshRecordViews(queryClient),
  });
}
