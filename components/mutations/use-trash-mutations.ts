"use client";

import { toast } from "sonner";
import { queryKeys, RECORD_VIEWS } from "@/components/queries/keys";
import { emptyTrashAction, setHoldAction, updateRetentionAction } from "@/lib/actions/trash";
import type { TrashPage } from "@/lib/trash/list";
import { patchQueries } from "./optimistic";
import { useActionMutation } from "./use-action-mutation";

export function useSetHold() {
  return useActionMutation({
    action: setHoldAction,
    refresh: [queryKeys.trash.all, queryKeys.trashExpiring],
    optimistic: (queryClient, { id, hold }) =>
      patchQueries<TrashPage>(queryClient, queryKeys.trash.all, (old) => ({
        ...old,
        items: old.items.map((r) => (r.id === id ? { ...r, heldAt: hold ? new Date().toISOString() : null } : r)),
      })),
    onSuccess: ({ held }) =>
      toast.success(
        held
          ? "On hold: this record will not be purged until released."
          : "Hold released: the countdown applies again.",
      ),
  });
}

export function useEmptyTrash(options: { onDone?: () => void } = {}) {
  return useActionMutation({
    action: (confirmation: string) => emptyTrashAction({ confirmation }),
    refresh: RECORD_VIEWS,
    onSuccess: ({ destroyed, keptOnHold }) => {
      toast.success(`Emptied the trash: ${destroyed.toLocaleString("en-US")} deleted permanently.`, {
        description: keptOnHold ? `${keptOnHold} on hold kept.` : undefined,
      });
      options.onDone?.();
    },
  });
}

/** OWNER only; the form shows a refusal next to the field instead of a toast. */
export function useUpdateRetention(options: { onSaved?: (days: number) => void } = {}) {
  return useActionMutation({
    action: (retentionDays: number) => updateRetentionAction({ retentionDays }),
    refresh: [queryKeys.trash.all, queryKeys.trashExpiring],
    toastErrors: false,
    onSuccess: ({ retentionDays }) => {
      toast.success(`Retention set to ${retentionDays} days. Every countdown in the trash follows.`);
      options.onSaved?.(retentionDays);
    },
  });
}
