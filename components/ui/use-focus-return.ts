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

/**
 * Dialogs hand focus back to the control that opened them (for a menu item, the menu's
 * button). When that control is gone after the dialog (a delete removed its row, or cleared
 * the selection bar), focus goes to its replacement or its table instead of <body>.
 */
export function useFocusReturn() {
  const opener = useRef<{ element: HTMLElement | null; label: string | null; tableTestId: string | null }>({
    element: null,
    label: null,
    tableTestId: null,
  });
  return {
    onOpenAutoFocus: () => {
      // Radix fires this before moving focus into the dialog: activeElement is still the opener.
      const active =
        document.activeElement instanceof HTMLElement && document.activeElement !== document.body
          ? document.activeElement
          : null;
      const menu = active?.closest("[role=menu][aria-labelledby]");
      const element = menu ? document.getElementById(menu.getAttribute("aria-labelledby")!) : active;
      opener.current = {
        element,
        label: element?.getAttribute("aria-label") ?? null,
        tableTestId: element?.closest("table")?.getAttribute("data-testid") ?? null,
      };
    },
    onCloseAutoFocus: (event: Event) => {
      // A controlled Radix dialog (no Dialog.Trigger) would otherwise leave focus on <body>.
      event.preventDefault();
      const { element, label, tableTestId } = opener.current;
      const target = element?.isConnected ? element : replacement(label, tableTestId);
      if (!target) return;
      if (target.tabIndex < 0 && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus();
    },
  };
}
