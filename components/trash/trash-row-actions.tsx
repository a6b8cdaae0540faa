"use client";

import { Lock, LockOpen, RotateCcw, ShieldAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CssIcon } from "@/components/ui/css-icon";
import { RowMenu, type RowMenuItem } from "@/components/ui/row-menu";
import type { TrashRow } from "@/lib/trash/list";

interface Props {
  row: Pick<TrashRow, "name" | "heldAt">;
  canRestore: boolean;
  canHold: boolean;
  canDestroy: boolean;
  onRestore: () => void;
  onHold: () => void;
  onDestroy: () => void;
  /** In a table row the buttons fold into a menu below `md`; elsewhere (the preview) they just wrap. */
  fold?: boolean;
}

/**
 * Restore, Keep/Release and Delete permanently — each shown only to those allowed (the server checks anyway).
 * Buttons on wide screens; one "⋯" menu with the same actions below `md`.
 */
export function TrashRowActions({
  row,
  canRestore,
  canHold,
  canDestroy,
  onRestore,
  onHold,
  onDestroy,
  fold = true,
}: Props) {
  const held = !!row.heldAt;
  const items: RowMenuItem[] = [
    ...(canRestore ? [{ label: "Restore", icon: RotateCcw, onSelect: onRestore }] : []),
    ...(canHold ? [{ label: held ? "Release hold" : "Keep", icon: held ? LockOpen : Lock, onSelect: onHold }] : []),
    ...(canDestroy ? [{ label: "Delete permanently", icon: ShieldAlert, onSelect: onDestroy, danger: true }] : []),
  ];
  return (
    <div className="flex justify-end gap-1">
      {fold && <RowMenu label={`Actions for ${row.name}`} items={items} className="md:hidden" />}
      <div className={fold ? "hidden gap-1 md:flex" : "flex flex-wrap gap-1"}>
        {canRestore && (
          <Button size="sm" variant="secondary" onClick={onRestore} aria-label={`Restore ${row.name}`}>
            <CssIcon name="rotate-ccw" className="size-3.5" /> Restore
          </Button>
        )}
        {canHold && (
          <Button
            size="sm"
            variant="ghost"
            onClick={onHold}
            aria-label={held ? `Release hold on ${row.name}` : `Keep ${row.name}`}
            title={held ? "Release the hold: the countdown applies again" : "Keep: exempt from purge until released"}
          >
            <CssIcon name={held ? "lock-open" : "lock"} className="size-3.5" />
            {/* One text node: "{' '}{label}" would split it with a comment in every row's HTML. */}
            {held ? " Release" : " Keep"}
          </Button>
        )}
        {canDestroy && (
          <Button size="sm" variant="ghost-danger" onClick={onDestroy} aria-label={`Delete ${row.name} permanently`}>
            <CssIcon name="shield-alert" className="size-3.5" /> Delete permanently
          </Button>
        )}
      </div>
    </div>
  );
}
