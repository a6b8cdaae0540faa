"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { Trash2 } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { RecordRow } from "@/lib/records/list";
import { ENTITY_COLUMNS, formatAttribute } from "./columns";
import { LocalTime } from "@/components/ui/local-time";

const column = createColumnHelper<RecordRow>();

/** Who owns a record and when it was made: the last columns of every list of records. */
export function ownerAndCreatedColumns() {
  return [
    column.accessor("ownerName", {
      header: "Owner",
      cell: (i) => <span className="whitespace-nowrap text-zinc-700">{i.getValue() ?? "—"}</span>,
    }),
    column.accessor("createdAt", {
      header: "Created",
      cell: (i) => (
        <span className="whitespace-nowrap text-zinc-500">
          <LocalTime value={i.getValue()} style="date" />
        </span>
      ),
    }),
  ];
}

/** The records table's columns; the row delete button only for those who may delete. */
export function recordColumns(entitySlug: string, onDelete: ((row: RecordRow) => void) | null) {
  const attrs = ENTITY_COLUMNS[entitySlug] ?? [];
  return [
    column.accessor("name", {
      header: "Name",
      cell: (info) => (
        <Link
          href={`/records/${entitySlug}/${info.row.original.id}`}
          prefetch={false}
          className="whitespace-nowrap font-medium text-zinc-900 hover:text-brand-700 hover:underline"
        >
          {info.getValue()}
        </Link>
      ),
    }),
    ...attrs.map((a) =>
      column.display({
        id: a.key,
        header: a.label,
        cell: (info) => {
          const text = formatAttribute(info.row.original.attributes[a.key], a);
          return a.kind === "badge" && text !== "—" ? (
            <Badge>{text}</Badge>
          ) : (
            <span className="whitespace-nowrap text-zinc-700">{text}</span>
          );
        },
      }),
    ),
    ...(entitySlug === "deals"
      ? []
      : [
          column.accessor("phoneNumber", {
            header: "Phone",
            cell: (i) => (
              <span className="whitespace-nowrap font-mono text-xs text-zinc-600">{i.getValue() ?? "—"}</span>
            ),
          }),
        ]),
    column.display({
      id: "external",
      header: "External ID",
      cell: ({ row: { original: r } }) =>
        r.externalId ? (
          <span className="text-xs text-zinc-600">
            <span className="text-zinc-500">{r.externalProvider}:</span>
            {r.externalId}
          </span>
        ) : (
          <span className="text-zinc-500">—</span>
        ),
    }),
    ...ownerAndCreatedColumns(),
    ...(onDelete
      ? [
          column.display({
            id: "actions",
            header: () => <span className="sr-only">Actions</span>,
            cell: ({ row }) => (
              <button
                type="button"
                onClick={() => onDelete(row.original)}
                aria-label={`Delete ${row.original.name}`}
                title="Move to trash"
                className="rounded-md p-1.5 text-zinc-400 opacity-60 transition hover:bg-red-50 hover:text-red-600 group-hover:opacity-100 focus-visible:opacity-100"
              >
                <Trash2 className="size-4" aria-hidden />
              </button>
            ),
          }),
        ]
      : []),
  ];
}
