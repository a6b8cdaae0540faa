"use client";

/**
 * Focuses a control in a table row once the row is on screen (after a refetch brings it back):
 * the first visible control matching `selector`, else the row's first focusable control. Gives up after ~3 s.
 */
export function focusRowWhenShown(recordId: string, selector?: string) {
  const started = performance.now();
  const attempt = () => {
    const row = document.querySelector<HTMLElement>(`main tr[data-record-id="${CSS.escape(recordId)}"]`);
    const visible = (s: string) => [...(row?.querySelectorAll<HTMLElement>(s) ?? [])].find((e) => e.offsetParent);
    const target = (selector ? visible(selector) : undefined) ?? visible("a[href], button:not([disabled]), input");
    if (target) target.focus();
    else if (performance.now() - started < 3000) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
