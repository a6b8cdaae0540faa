"use client";

import { useEffect, useRef } from "react";

export function RowCheckbox({
  checked,
  indeterminate,
  label,
  onToggle,
}: {
  checked: boolean;
  indeterminate?: boolean;
  label: string;
  onToggle: (shiftKey: boolean) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = !!indeterminate && !checked;
  }, [indeterminate, checked]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label={label}
      checked={checked}
      // onClick carries shiftKey for both a shift-click and Shift+Space on the focused box.
      onClick={(e) => onToggle(e.shiftKey)}
      onChange={() => undefined}
      className="row-check"
    />
  );
}
