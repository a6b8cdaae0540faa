"use client";

import { useRef } from "react";

/**
 * Dialogs hand focus back to the control that opened them (a menu item's menu button). When that control is gone
 * after the dialog (a delete removed its row, or cleared the selection bar), focus goes to
 * the table it was in, else the page's main content, instead of being lost on <body>.
 */
export function useFocusReturn() {
  const opener = useRef<{ element: Element | null; fallback: HTMLElement | null }>({ element: null, fallback: null });
  return {
    onOpenAutoFocus: () => {
      // Radix fires this before moving focus into the dialog: activeElement is still the opener.
      // Opened from a menu item: the menu is closing, so the control to return to is the menu's button.
      const menu = document.activeElement?.closest("[role=menu][aria-labelledby]");
      const active = document.activeElement === document.body ? null : document.activeElement;
      const element = menu ? document.getElementById(menu.getAttribute("aria-labelledby")!) : active;
      const fallback = element?.closest<HTMLElement>("table") ?? document.querySelector<HTMLElement>("main table") ?? document.querySelector<HTMLElement>("main");
      opener.current = { element, fallback };
    },
    onCloseAutoFocus: (event: Event) => {
      // A controlled Radix dialog (no Dialog.Trigger) would otherwise leave focus on <body>.
      event.preventDefault();
      const { element, fallback } = opener.current;
      if (element instanceof HTMLElement && element.isConnected) {
        element.focus();
      } else if (fallback?.isConnected) {
        if (!fallback.hasAttribute("tabindex")) fallback.setAttribute("tabindex", "-1");
        fallback.focus();
      }
    },
  };
}
