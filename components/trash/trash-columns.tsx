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
            className="cell-link whitespace-normal"
            title="Preview the record as it was"
          >
            {r.name}
          </Link>
        ) : (
          <span className="cell-link whitespace-normal">{r.name}</span>
        ),
    }),
    column.display({
      id: "type",
      header: "Type",
      cell: ({ row }) => <Badge>{row.original.entity.name}</Badge>,
      // The phone e2e reads a row's entity here to open the restored record.
      meta: { keyed: true },
    }),
    column.display({
      id: "deletedBy",
      header: "Deleted by",
      cell: ({ row }) => row.original.deletedBy?.name ?? "Deleted user",
    }),
    column.accessor("deletedAt", {
      header: "Deleted",
      cell: ({ row: { original: r } }) => (
        <span className="cell-inline">
          <LocalTime value={r.deletedAt} style="relative" />
          {r.deleteBatchId && (
            <Link
              href={`/trash?${new URLSearchParams({ batch: r.deleteBatchId })}`}
              prefetch={false}
              aria-label={`Show the batch ${r.name} was deleted with`}
              title="Show every record deleted with this one"
              className="icon-link"
            >
              <CssIcon name="layers" className="size-3.5" />
            </Link>
          )}
        </span>
      ),
      meta: { className: "cell-muted" },
    }),
    column.display({
      id: "timeLeft",
      header: "Time left",
      cell: ({ row }) => <Countdown purgeAt={row.original.purgeAt} heldAt={row.original.heldAt} />,
      meta: { className: "max-md:hidden", headerClassName: "max-md:hidden" },
    }),
    column.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row: { original: r } }) => (
        <div className="cell-actions">
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
      meta: { className: "py-2" },
    }),
  ];
}
