"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { CssIcon } from "@/components/ui/css-icon";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { TrashRow } from "@/lib/trash/list";
import { Countdown } from "./countdown";
import { TrashRowActions } from "./trash-row-actions";
import { LocalTime } from "@/components/ui/local-time";

export interface TrashPermissions {
  restore: boolean;
  hold: boolean;
  destroy: boolean;
}

export interface TrashRowHandlers {
  onRestore: (row: TrashRow) => void;
  onHold: (row: TrashRow) => void;
  onDestroy: (row: TrashRow) => void;
}

const column = createColumnHelper<TrashRow>();

export function trashColumns(can: TrashPermissions, on: TrashRowHandlers) {
  return [
    column.accessor("name", {
      header: "Name",
      // Previewable exactly when restorable (lib/trash/preview.ts).
      cell: ({ row: { original: r } }) =>
        r.canRestore ? (
          <Link
            href={`/trash/${r.id}`}
            prefetch={false}
            className="font-medium text-zinc-900 hover:text-brand-700 hover:underline"
            title="Preview the record as it was"
          >
            {r.name}
          </Link>
        ) : (
          <span className="font-medium text-zinc-900">{r.name}</span>
        ),
    }),
    column.display({ id: "type", header: "Type", cell: ({ row }) => <Badge>{row.original.entity.name}</Badge> }),
    column.display({
      id: "deletedBy",
      header: "Deleted by",
      cell: ({ row }) => row.original.deletedBy?.name ?? "Deleted user",
      meta: { className: "whitespace-nowrap px-4 py-2.5 text-zinc-700" },
    }),
    column.accessor("deletedAt", {
      header: "Deleted",
      cell: ({ row: { original: r } }) => (
        <span className="inline-flex items-center gap-1.5">
          <LocalTime value={r.deletedAt} style="relative" />
          {r.deleteBatchId && (
            <Link
              href={`/trash?${new URLSearchParams({ batch: r.deleteBatchId })}`}
              prefetch={false}
              aria-label={`Show the batch ${r.name} was deleted with`}
              title="Show every record deleted with this one"
              className="rounded p-0.5 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
            >
              <CssIcon name="layers" className="size-3.5" />
            </Link>
          )}
        </span>
      ),
      meta: { className: "whitespace-nowrap px-4 py-2.5 text-zinc-500" },
    }),
    column.display({
      id: "timeLeft",
      header: "Time left",
      cell: ({ row }) => <Countdown purgeAt={row.original.purgeAt} heldAt={row.original.heldAt} />,
      meta: { className: "px-4 py-2.5 max-md:hidden", headerClassName: "px-4 py-2.5 font-medium max-md:hidden" },
    }),
    column.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row: { original: r } }) => (
        <div className="flex items-center justify-end gap-2">
          {/* On a phone the "Time left" column would scroll out of view: the countdown rides in the pinned cell. */}
          <span className="md:hidden">
            <Countdown purgeAt={r.purgeAt} heldAt={r.heldAt} testId="time-left-compact" />
          </span>
          <TrashRowActions
            row={r}
            canRestore={r.canRestore}
            canHold={can.hold}
            canDestroy={can.destroy}
            onRestore={() => on.onRestore(r)}
            onHold={() => on.onHold(r)}
            onDestroy={() => on.onDestroy(r)}
          />
        </div>
      ),
      meta: { className: "px-4 py-2" },
    }),
  ];
}
