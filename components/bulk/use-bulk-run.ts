"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { runAction } from "@/components/mutations/use-action-mutation";
import { RECORD_VIEWS } from "@/components/queries/keys";
import { applySelectionChunkAction } from "@/lib/actions/bulk";
import type { SelectionAction } from "@/lib/bulk/schemas";
import type { FailedId } from "@/lib/records/bulk-result";
import type { MatchingSelection } from "./use-row-selection";

export interface BulkRunState {
  phase: "idle" | "running" | "done" | "cancelled" | "error";
  chunksDone: number;
  processed: number;
  succeeded: number;
  failed: FailedId[];
  batchIds: string[];
  error?: string;
}

const IDLE: BulkRunState = { phase: "idle", chunksDone: 0, processed: 0, succeeded: 0, failed: [], batchIds: [] };

/** Works through a confirmed snapshot one chunk (≤1000) at a time; cancel stops after the current chunk. */
export function useBulkRun() {
  const queryClient = useQueryClient();
  const [state, setState] = useState<BulkRunState>(IDLE);
  const cancelled = useRef(false);
  const refresh = useCallback(
    () => Promise.all(RECORD_VIEWS.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
    [queryClient],
  );

  const start = useCallback(
    async (
      selection: MatchingSelection,
      action: SelectionAction,
      confirmCount: number,
      { runAutomations }: { runAutomations?: boolean } = {},
    ) => {
      cancelled.current = false;
      setState({ ...IDLE, phase: "running" });
      for (let chunk = 0; chunk < selection.chunks; chunk++) {
        if (cancelled.current) {
          setState((s) => ({ ...s, phase: "cancelled" }));
          break;
        }
        try {
          const result = await runAction(
            applySelectionChunkAction({ token: selection.token, confirmCount, action, chunk, runAutomations }),
          );
          setState((s) => ({
            ...s,
            chunksDone: s.chunksDone + 1,
            processed: s.processed + result.succeeded.length + result.failed.length,
            succeeded: s.succeeded + result.succeeded.length,
            failed: [...s.failed, ...result.failed],
            batchIds: result.batchId ? [...s.batchIds, result.batchId] : s.batchIds,
            phase: chunk === selection.chunks - 1 ? "done" : s.phase,
          }));
        } catch (error) {
          setState((s) => ({ ...s, phase: "error", error: (error as Error).message }));
          break;
        }
        // Lists and counts follow along while the run goes on.
        void refresh();
      }
      await refresh();
    },
    [refresh],
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);
  const reset = useCallback(() => setState(IDLE), []);
  return { state, start, cancel, reset };
}
