"use client";

import { toast } from "sonner";
import { queryKeys } from "@/components/queries/keys";
import { createSegmentAction, deleteSegmentAction } from "@/lib/actions/segments";
import type { SegmentRow } from "@/lib/segments/list";
import { patchQueries } from "./optimistic";
import { useActionMutation } from "./use-action-mutation";

/** Errors stay with the form (code and field), so it can point at the wrong input. */
export function useCreateSegment(options: { onCreated?: (segmentId: string) => void } = {}) {
  return useActionMutation({
    action: createSegmentAction,
    refresh: [queryKeys.segments],
    toastErrors: false,
    onSuccess: (result, input) => {
      toast.success(
        `Created “${input.name.trim()}” with ${result.memberCount.toLocaleString("en-US")} ${result.memberCount === 1 ? "member" : "members"}.`,
      );
      options.onCreated?.(result.segmentId);
    },
  });
}

/** Irreversible, so no Undo; the row leaves the list at once and comes back if the server refuses. */
export function useDeleteSegment(options: { onDeleted?: () => void } = {}) {
  return useActionMutation({
    action: (segment: { id: string; name: string }) => deleteSegmentAction({ id: segment.id }),
    refresh: [queryKeys.segments],
    optimistic: (queryClient, segment) =>
      patchQueries<SegmentRow[]>(queryClient, queryKeys.segments, (old) => old.filter((s) => s.id !== segment.id)),
    onSuccess: (result, segment) => {
      const n = result.detachedAutomationIds.length;
      toast.success(`Deleted segment “${segment.name}”.`, {
        description: n
          ? `${n} ${n === 1 ? "automation was" : "automations were"} detached and will not run again.`
          : undefined,
      });
      options.onDeleted?.();
    },
  });
}
