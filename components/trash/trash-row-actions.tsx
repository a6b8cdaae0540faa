"use client";

import { Lock, LockOpen, RotateCcw, ShieldAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { TrashRow } from "@/lib/trash/list";

interface Props {
  row: Pick<TrashRow, "name" | "heldAt">;
  canRestore: boolean;
  canHold: boolean;
  canDestroy: boolean;
  onRestore: () => void;
  onHold: () => void;
  onDestroy: () => void;
}

/** Restore, Keep/Release and Delete permanently — each shown only to those allowed (the server checks anyway). */
export function TrashRowActions({ row, canRestore, canHold, canDestroy, onRestore, onHold, onDestroy }: Props) {
  return (
    <div className="flex justify-end gap-1">
      {canRestore && (
        <Button size="sm" variant="secondary" onClick={onRestore} aria-label={`Restore ${row.name}`}>
          <RotateCcw className="size-3.5" aria-hidden /> Restore
        </Button>
      )}
      {canHold && (
        <Button size="sm" variant="ghost" onClick={onHold} aria-label={row.heldAt ? `Release hold on ${row.name}` : `Keep ${row.name}`}
          title={row.heldAt ? "Release the hold: the countdown applies again" : "Keep: exempt from purge until released"}>
          {row.heldAt ? <LockOpen className="size-3.5" aria-hidden /> : <Lock className="size-3.5" aria-hidden />} {row.heldAt ? "Release" : "Keep"}
        </Button>
      )}
      {canDestroy && (
        <Button size="sm" variant="ghost" className="text-red-700 hover:bg-red-50 hover:text-red-800" onClick={onDestroy} aria-label={`Delete ${row.name} permanently`}>
          <ShieldAlert className="size-3.5" aria-hidden /> Delete permanently
        </Button>
      )}
    </div>
  );
}
