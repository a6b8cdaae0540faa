"use client";

import { createColumnHelper } from "@tanstack/react-table";
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
      cell: (i) => <LocalTime value={i.getValue()} style="relative" />,
      meta: { className: "whitespace-nowrap px-4 py-2.5 text-zinc-500" },
    }),
    column.display({
      id: "timeLeft",
      header: "Time left",
      cell: ({ row }) => <Countdown purgeAt={row.original.purgeAt} heldAt={row.original.heldAt} />,
    }),
    column.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row: { original: r } }) => (
        <TrashRowActions
          row={r}
          canRestore={r.canRestore}
          canHold={can.hold}
          canDestroy={can.destroy}
          onRestore={() => on.onRestore(r)}
          onHold={() => on.onHold(r)}
          onDestroy={() => on.onDestroy(r)}
        />
      ),
      meta: { className: "px-4 py-2" },
    }),
  ];
}
