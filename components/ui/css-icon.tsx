import { clsx } from "clsx";

/** The icons app/globals.css draws with a mask: the ones every table row, or every page's navigation, repeats. */
export type CssIconName =
  | "trash"
  | "rotate-ccw"
  | "lock"
  | "lock-open"
  | "shield-alert"
  | "layers"
  | "ellipsis"
  | "clock"
  | "table"
  | "list-filter"
  | "workflow"
  | "history"
  | "settings";

/** A decorative icon as one empty span (a row's worth of inline SVGs was a fifth of a page's HTML). */
export function CssIcon({ name, className }: { name: CssIconName; className?: string }) {
  return <span className={clsx("icon", `icon-${name}`, className)} aria-hidden />;
}
