"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { createSegmentAction, deleteSegmentAction } from "@/app/actions/segments";
import type { SegmentRow } from "@/lib/segments/list";
import type { CreateSegmentInput } from "@/lib/segments/schemas";
import { runAction } from "./run-action";

export const SEGMENTS_KEY = ["segments"] as const;

/** A failed action keeps its code and field, so a form can point at the wrong input. */
export type ActionError = Error & { code?: string; field?: string };

export function useCreateSegment(options: { onCreated?: (segmentId: string) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation<{ segmentId: string; memberCount: number }, ActionError, CreateSegmentInput>({
    mutationFn: async (input) => {
      const result = await createSegmentAction(input);
      if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
      return result.data;
    },
    onSuccess: (result, input) => {
      toast.success(`Created “${input.name.trim()}” with ${result.memberCount.toLocaleString("en-US")} ${result.memberCount === 1 ? "member" : "members"}.`);
      options.onCreated?.(result.segmentId);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: SEGMENTS_KEY }),
  });
}

/** Irreversible, so no Undo; the row leaves the list at once and comes back if the server refuses. */
export function useDeleteSegment(options: { onDeleted?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (segment: { id: string; name: string }) => runAction(deleteSegmentAction({ id: segment.id })),
    onMutate: async (segment) => {
      await queryClient.cancelQueries({ queryKey: SEGMENTS_KEY });
      const before = queryClient.getQueryData<SegmentRow[]>(SEGMENTS_KEY);
      if (before) queryClient.setQueryData(SEGMENTS_KEY, before.filter((s) => s.id !== segment.id));
      return { rollback: () => before && queryClient.setQueryData(SEGMENTS_KEY, before) };
    },
    onError: (error, _segment, context) => {
      context?.rollback();
      toast.error(error.message);
    },
    onSuccess: (result, segment) => {
      const n = result.detachedAutomationIds.length;
      toast.success(`Deleted segment “${segment.name}”.`, {
        description: n ? `${n} ${n === 1 ? "automation was" : "automations were"} detached and will not run again.` : undefined,
      });
      options.onDeleted?.();
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: SEGMENTS_KEY }),
  });
}
