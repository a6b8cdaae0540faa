"use client";

import dynamic from "next/dynamic";
import type { ComponentProps, ReactNode } from "react";
import type { RowSelection } from "./use-row-selection";

// The bar and the banner load once something is selected: a list page's first load carries
// only these two checks.
const Panel = dynamic(() => import("./selection-panels").then((m) => m.SelectionBarPanel), { ssr: false });
const Banner = dynamic(() => import("./selection-panels").then((m) => m.SelectAllBannerPanel), { ssr: false });

/** Sticky bar at the bottom of the viewport: how many are selected and what may be done. */
export function SelectionBar({
  selection,
  onDeleteKey,
  selecting,
  children,
}: {
  selection: RowSelection;
  onDeleteKey?: () => void;
  /** "Select all matching" is on its way: the actions wait for it. */
  selecting?: boolean;
  children: ReactNode;
}) {
  return selection.count === 0 ? null : (
    <Panel selection={selection} onDeleteKey={onDeleteKey} selecting={selecting}>
      {children}
    </Panel>
  );
}

/** Gmail's banner: the page is selected — offer every row matching the filter, across pages. */
export function SelectAllBanner(props: ComponentProps<typeof Banner>) {
  return props.selection.allOnPage || props.selection.matching ? <Banner {...props} /> : null;
}

export function SelectionBarButton({
  onClick,
  children,
  danger,
}: {
  onClick: () => void;
  children: ReactNode;
  danger?: boolean;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      className={`inline-flex items-center gap-1.5 rounded-lg px-2.5 py-1.5 text-sm font-medium disabled:opacity-50 ${danger ? "text-red-300 hover:bg-red-500/20 hover:text-red-200" : "hover:bg-zinc-800"}`}
    >
      {children}
    </button>
  );
}
