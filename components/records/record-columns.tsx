"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { CssIcon } from "@/components/ui/css-icon";
import type { RecordRow } from "@/lib/records/list";
import { ENTITY_COLUMNS, formatAttribute } from "./columns";
import { LocalTime } from "@/components/ui/local-time";

const column = createColumnHelper<RecordRow>();

/** Who owns a record and when it was made: the last columns of every list of records. */
export function ownerAndCreatedColumns() {
  return [
    column.accessor("ownerName", {
      header: "Owner",
      cell: (i) => i.getValue() ?? "—",
    }),
    column.accessor("createdAt", {
      header: "Created",
      cell: (i) => <LocalTime value={i.getValue()} style="date" />,
      meta: { className: "cell-muted" },
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
        <Link href={`/records/${entitySlug}/${info.row.original.id}`} prefetch={false} className="cell-link">
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
          return a.kind === "badge" && text !== "—" ? <Badge>{text}</Badge> : text;
        },
      }),
    ),
    ...(entitySlug === "deals"
      ? []
      : [
          column.accessor("phoneNumber", {
            header: "Phone",
            cell: (i) => i.getValue() ?? "—",
            meta: { className: "cell-mono" },
          }),
        ]),
    column.display({
      id: "external",
      header: "External ID",
      cell: ({ row: { original: r } }) => (r.externalId ? `${r.externalProvider}:${r.externalId}` : "—"),
      meta: { className: "cell-mono" },
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
                className="row-action row-action-danger"
              >
                <CssIcon name="trash" />
              </button>
            ),
          }),
        ]
      : []),
  ];
}
