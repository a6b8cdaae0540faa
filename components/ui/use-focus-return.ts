"use client";

import { useRef } from "react";

/** What focus falls back to when the opener is gone: the same control re-rendered, its table, the page's main content. */
function replacement(label: string | null, tableTestId: string | null): HTMLElement | null {
  const byLabel = label ? document.querySelector<HTMLElement>(`main [aria-label="${CSS.escape(label)}"]`) : null;
  const table = tableTestId ? document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(tableTestId)}"]`) : null;
  return (
    byLabel ?? table ?? document.querySelector<HTMLElement>("main table") ?? document.querySelector<HTMLElement>("main")
  );
}

const CONTROLS = "a[href], button, input";

/** The same control (by position) in the row that took the opener's place: the next row, else the previous one. */
function inNeighbourRow(neighbours: (Element | null)[], index: number): HTMLElement | null {
  for (const row of neighbours) {
    if (!row?.isConnected || index < 0) continue;
    const control = row.querySelectorAll<HTMLElement>(CONTROLS)[index];
    if (control?.offsetParent) return control;
  }
  return null;
}

/**
 * Dialogs hand focus back to the control that opened them (for a menu item, the menu's
 * button). When that control is gone after the dialog (a delete removed its row, or cleared
 * the selection bar), focus goes to the same control in the next row, its replacement or its
 * table instead of <body> — so a keyboard user deleting rows one by one stays in the table.
 */
export function useFocusReturn() {
  const opener = useRef<{
    element: HTMLElement | null;
    label: string | null;
    tableTestId: string | null;
    row: Element | null;
    neighbours: (Element | null)[];
    index: number;
  }>({ element: null, label: null, tableTestId: null, row: null, neighbours: [], index: -1 });
  return {
    onOpenAutoFocus: () => {
      // Radix fires this before moving focus into the dialog: activeElement is still the opener.
      const active =
        document.activeElement instanceof HTMLElement && document.activeElement !== document.body
          ? document.activeElement
          : null;
      const menu = active?.closest("[role=menu][aria-labelledby]");
      const element = menu ? document.getElementById(menu.getAttribute("aria-labelledby")!) : active;
      const row = element?.closest("tbody tr") ?? null;
      opener.current = {
        row,
        element,
        label: element?.getAttribute("aria-label") ?? null,
        tableTestId: element?.closest("table")?.getAttribute("data-testid") ?? null,
        neighbours: row ? [row.nextElementSibling, row.previousElementSibling] : [],
        index: row && element ? [...row.querySelectorAll(CONTROLS)].indexOf(element) : -1,
      };
    },
    onCloseAutoFocus: (event: Event) => {
      // A controlled Radix dialog (no Dialog.Trigger) would otherwise leave focus on <body>.
      event.preventDefault();
      const { element, label, tableTestId, row, neighbours, index } = opener.current;
      // The opener's whole row is gone (deleted): the same control in the row that took its place.
      const target = element?.isConnected
        ? element
        : ((row && !row.isConnected ? inNeighbourRow(neighbours, index) : null) ?? replacement(label, tableTestId));
      if (!target) return;
      if (target.tabIndex < 0 && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus();
    },
  };
}
