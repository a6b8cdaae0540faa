"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";

export interface MatchingSelection {
  token: string;
  count: number;
  chunks: number;
  /** In the trash: how many of them other people deleted. */
  deletedByOthers?: number;
}

/**
 * Row selection for one page of a table: click, shift-click for a range (mouse or
 * Shift+Space on the checkbox), the page checkbox, and "all matching" — a server snapshot
 * that replaces the explicit ids. Resets whenever the page or filter (`resetKey`) changes.
 */
export function useRowSelection(pageIds: string[], resetKey: string) {
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [matching, setMatching] = useState<MatchingSelection | null>(null);
  const anchor = useRef<string | null>(null);

  const clear = useCallback(() => {
    setSelected(new Set());
    setMatching(null);
    anchor.current = null;
  }, []);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- a new page or filter starts a new selection
  useEffect(clear, [resetKey, clear]);

  const toggle = useCallback(
    (id: string, shiftKey: boolean) => {
      setMatching(null);
      // Read the anchor now: the state updater below may run after it has moved.
      const from = anchor.current ? pageIds.indexOf(anchor.current) : -1;
      const to = pageIds.indexOf(id);
      setSelected((prev) => {
        const next = new Set(prev);
        const on = !prev.has(id);
        if (shiftKey && from >= 0 && to >= 0) {
          for (const rowId of pageIds.slice(Math.min(from, to), Math.max(from, to) + 1)) {
            if (on) next.add(rowId);
            else next.delete(rowId);
          }
        } else if (on) next.add(id);
        else next.delete(id);
        return next;
      });
      anchor.current = id;
    },
    [pageIds],
  );

  const allOnPage = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const someOnPage = pageIds.some((id) => selected.has(id));
  const togglePage = useCallback(() => {
    setMatching(null);
    setSelected(allOnPage ? new Set() : new Set(pageIds));
  }, [allOnPage, pageIds]);

  const ids = useMemo(() => pageIds.filter((id) => selected.has(id)), [pageIds, selected]);
  return {
    ids,
    selected,
    isSelected: (id: string) => selected.has(id) || matching !== null,
    toggle,
    togglePage,
    allOnPage,
    someOnPage,
    matching,
    setMatching,
    clear,
    count: matching?.count ?? ids.length,
  };
}

export type RowSelection = ReturnType<typeof useRowSelection>;
