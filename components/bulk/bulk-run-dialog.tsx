"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { AlertTriangle, CheckCircle2, XCircle } from "lucide-react";
import { useState } from "react";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Button } from "@/components/ui/button";
import type { SelectionAction } from "@/lib/bulk/schemas";
import { typedCountMatches } from "@/lib/universal/confirmations";
import { useBulkRun } from "./use-bulk-run";
import type { MatchingSelection } from "./use-row-selection";
import { RunAutomationsChoice } from "@/components/records/run-automations-choice";

const WORDS: Record<SelectionAction, { verb: string; done: string; explain: string; danger: boolean }> = {
  delete: {
    verb: "Move to trash",
    done: "moved to the trash",
    explain:
      "They disappear from lists, search and segments and can be restored from the trash until their retention runs out.",
    danger: false,
  },
  restore: {
    verb: "Restore",
    done: "restored",
    explain:
      "They come back with everything that belonged to them. Records whose external id is now taken by a live record are reported and stay in the trash.",
    danger: false,
  },
  destroy: {
    verb: "Delete permanently",
    done: "deleted permanently",
    explain: "This won’t be recoverable: each record and everything that belonged to it is erased now.",
    danger: true,
  },
};

interface Props {
  selection: MatchingSelection;
  action: SelectionAction;
  /** A move to the trash sets these off, each once per record: the dialog names them. */
  automations?: { id: string; name: string }[];
  /** An ADMIN+ may choose not to run them, as in the record delete dialog. */
  canSkipAutomations?: boolean;
  /** `ran` is false when the dialog was cancelled before anything started: the selection stays. */
  onClose: (outcome: { batchIds: string[]; succeeded: number; ran: boolean }) => void;
}

/** Confirm (type the count) → progress by chunk, cancellable → summary with every failure. */
export function BulkRunDialog({ selection, action, automations = [], canSkipAutomations = false, onClose }: Props) {
  const { state, start, cancel } = useBulkRun();
  const [typed, setTyped] = useState("");
  const [runAutomations, setRunAutomations] = useState(true);
  const words = WORDS[action];
  const count = selection.count.toLocaleString("en-US");
  const typedOk = typedCountMatches(typed, selection.count);
  const percent = Math.round((state.processed / selection.count) * 100);
  const finished = state.phase === "done" || state.phase === "cancelled" || state.phase === "error";

  return (
    <Dialog.Root
      open
      onOpenChange={(open) =>
        !open &&
        state.phase !== "running" &&
        onClose({ batchIds: state.batchIds, succeeded: state.succeeded, ran: state.phase !== "idle" })
      }
    >
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40" />
        <Dialog.Content
          className="fixed left-1/2 top-1/2 z-50 w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 rounded-2xl border border-zinc-200 bg-white p-6 shadow-xl focus:outline-none"
          onInteractOutside={(e) => e.preventDefault()}
        >
          <Dialog.Title className="text-base font-semibold text-zinc-900">
            {state.phase === "idle"
              ? `${words.verb}: all ${count} matching records?`
              : finished
                ? "Finished"
                : `${words.verb}…`}
          </Dialog.Title>
          {state.phase === "idle" && (
            <>
              <Dialog.Description className="mt-2 text-sm text-zinc-600">
                {words.explain} Only the {count} records that matched when you selected them are affected
                {selection.chunks > 1
                  ? `, in ${selection.chunks} chunks of up to 1,000 — finished chunks stay done if you cancel.`
                  : "."}
              </Dialog.Description>
              {action === "delete" && automations.length > 0 && (
                <div
                  className="mt-2 rounded-lg bg-zinc-50 px-3 py-2 text-sm text-zinc-700"
                  data-testid="delete-automations"
                >
                  On-delete automations {runAutomations ? "run" : "would run"} once per record:{" "}
                  {automations.map((a) => `“${a.name}” ${count} times`).join(", ")}.
                  {canSkipAutomations && <RunAutomationsChoice checked={runAutomations} onChange={setRunAutomations} />}
                </div>
              )}
              {action !== "delete" && !!selection.deletedByOthers && (
                <p className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="bulk-others">
                  {selection.deletedByOthers === selection.count
                    ? "All of them were deleted by other people, not by you."
                    : `${selection.deletedByOthers.toLocaleString("en-US")} of them were deleted by other people, not by you.`}
                </p>
              )}
              <label className="mt-4 block text-sm">
                <span className="text-zinc-700">
                  Type <span className="font-mono font-semibold text-zinc-900">{selection.count}</span> to confirm
                </span>
                <input
                  autoFocus
                  inputMode="numeric"
                  aria-label="Number of records"
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  className="mt-1.5 block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm tabular-nums focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none"
                />
              </label>
              <div className="mt-6 flex justify-end gap-2">
                <Dialog.Close asChild>
                  <Button variant="secondary">Cancel</Button>
                </Dialog.Close>
                <Button
                  variant={words.danger ? "danger" : "primary"}
                  disabled={!typedOk}
                  onClick={() => start(selection, action, selection.count, { runAutomations })}
                >
                  {words.verb} {count}
                </Button>
              </div>
            </>
          )}
          {state.phase !== "idle" && (
            <div className="mt-4">
              <div className="flex justify-between text-sm text-zinc-600">
                <span data-testid="bulk-progress-text">
                  {state.processed.toLocaleString("en-US")} of {count}
                </span>
                <span>
                  chunk {Math.min(state.chunksDone + (state.phase === "running" ? 1 : 0), selection.chunks)} of{" "}
                  {selection.chunks}
                </span>
              </div>
              <ProgressBar percent={percent} label="Progress" className="mt-2" />
              {finished && (
                <div className="mt-5 space-y-3 text-sm" data-testid="bulk-summary">
                  {state.succeeded > 0 && (
                    <p className="flex items-center gap-2 text-emerald-700">
                      <CheckCircle2 className="size-4" aria-hidden />
                      {state.succeeded.toLocaleString("en-US")} {words.done}.
                    </p>
                  )}
                  {state.phase === "cancelled" && (
                    <p className="flex items-center gap-2 text-amber-700">
                      <AlertTriangle className="size-4" aria-hidden />
                      Cancelled: finished chunks stay done;{" "}
                      {(selection.count - state.processed).toLocaleString("en-US")} were not touched.
                    </p>
                  )}
                  {state.phase === "error" && (
                    <p className="flex items-center gap-2 text-red-700">
                      <XCircle className="size-4" aria-hidden />
                      Stopped: {state.error}
                    </p>
                  )}
                  {state.failed.length > 0 && (
                    <div>
                      <p className="flex items-center gap-2 text-red-700">
                        <XCircle className="size-4" aria-hidden />
                        {state.failed.length.toLocaleString("en-US")} failed:
                      </p>
                      <ul
                        className="mt-2 max-h-40 space-y-0.5 overflow-auto rounded-lg border border-zinc-200 bg-zinc-50 p-2 text-xs text-zinc-700"
                        data-testid="bulk-failures"
                      >
                        {state.failed.slice(0, 100).map((f) => (
                          <li key={f.id}>
                            {f.name ? (
                              <span className="font-medium text-zinc-900">{f.name}</span>
                            ) : (
                              <span className="font-mono">{f.id}</span>
                            )}
                            : {f.message}
                          </li>
                        ))}
                        {state.failed.length > 100 && <li>… and {state.failed.length - 100} more</li>}
                      </ul>
                    </div>
                  )}
                </div>
              )}
              <div className="mt-6 flex justify-end gap-2">
                {state.phase === "running" ? (
                  <Button variant="secondary" onClick={cancel}>
                    Cancel
                  </Button>
                ) : (
                  <Button
                    onClick={() =>
                      onClose({ batchIds: state.batchIds, succeeded: state.succeeded, ran: state.phase !== "idle" })
                    }
                  >
                    Close
                  </Button>
                )}
              </div>
            </div>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
