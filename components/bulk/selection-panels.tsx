"use client";

import { X } from "lucide-react";
import { useEffect, type ReactNode } from "react";
import { formatTotal, type Total } from "@/components/ui/total";
import type { RowSelection } from "./use-row-selection";

/** The sticky bar at the bottom of the viewport: how many are selected and what may be done. */
export function SelectionBarPanel({
  selection,
  onDeleteKey,
  selecting = false,
  children,
}: {
  selection: RowSelection;
  onDeleteKey?: () => void;
  /** "Select all matching" is on its way: until it is, an action would take only this page's rows. */
  selecting?: boolean;
  children: ReactNode;
}) {
  const { count, clear } = selection;
  // Escape clears the selection and Delete asks to delete it, unless a dialog is open or the key is typing.
  useEffect(() => {
    if (count === 0) return;
    const onKey = (e: KeyboardEvent) => {
      if (
        document.querySelector("[role=dialog]") ||
        (e.target as HTMLElement).closest("input:not([type=checkbox]), textarea, select, [contenteditable=true]")
      )
        return;
      if (e.key === "Escape") clear();
      if (e.key === "Delete" && onDeleteKey && !selecting) {
        e.preventDefault();
        onDeleteKey();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [count, clear, onDeleteKey, selecting]);
  if (count === 0) return null;
  return (
    <div
      role="region"
      aria-label="Bulk actions"
      className="sticky bottom-4 z-30 mx-auto mt-4 flex w-fit max-w-full flex-wrap items-center gap-x-3 gap-y-1 rounded-xl border border-zinc-800 bg-zinc-900 py-2 pl-4 pr-2 text-sm text-white shadow-2xl"
    >
      <span className="font-medium tabular-nums" data-testid="selection-count">
        {selecting
          ? "Selecting all matching…"
          : selection.matching
            ? `All ${selection.count.toLocaleString("en-US")} matching selected`
            : `${selection.count} selected`}
      </span>
      <span className="h-5 w-px bg-zinc-700" aria-hidden />
      <fieldset disabled={selecting} className="selection-actions flex items-center gap-1.5">
        {children}
      </fieldset>
      <button
        type="button"
        onClick={selection.clear}
        aria-label="Clear selection"
        title="Clear selection (Esc)"
        className="rounded-md p-1.5 text-zinc-400 hover:bg-zinc-800 hover:text-white"
      >
        <X className="size-4" aria-hidden />
      </button>
    </div>
  );
}

/** The banner (Gmail's): the page is selected — offer every row matching the filter, across pages. */
export function SelectAllBannerPanel({
  selection,
  total,
  pageSize,
  onSelectAll,
  pending,
}: {
  selection: RowSelection;
  total: Total;
  pageSize: number;
  onSelectAll: () => void;
  pending: boolean;
}) {
  if (!selection.allOnPage && !selection.matching) return null;
  if (!selection.matching && total.totalCount <= pageSize && !total.totalCountCapped) return null;
  return (
    <div className="border-b border-brand-100 bg-brand-50 px-4 py-2 text-center text-sm text-brand-800" role="status">
      {selection.matching ? (
        <>
          All {selection.matching.count.toLocaleString("en-US")} matching records are selected.{" "}
          <button type="button" className="font-semibold underline-offset-2 hover:underline" onClick={selection.clear}>
            Clear selection
          </button>
        </>
      ) : (
        <>
          All {selection.ids.length} on this page are selected.{" "}
          <button
            type="button"
            className="font-semibold underline-offset-2 hover:underline disabled:opacity-50"
            onClick={onSelectAll}
            disabled={pending}
          >
            {pending ? "Counting…" : `Select all ${formatTotal(total)} matching`}
          </button>
        </>
      )}
    </div>
  );
}
