"use client";

import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type CellContext,
  type ColumnDef,
  type HeaderContext,
} from "@tanstack/react-table";
import { clsx } from "clsx";
import { useMemo } from "react";
import { RowCheckbox } from "@/components/bulk/row-checkbox";
import type { RowSelection } from "@/components/bulk/use-row-selection";
import { theadClass } from "./card";

export interface TableSelection<T> {
  state: RowSelection;
  /** Rows the caller may not act on get no checkbox (the server refuses them anyway). */
  canSelect?: (row: T) => boolean;
  label: (row: T) => string;
}

interface Props<T extends { id: string }> {
  rows: T[];
  // Columns mix value types; TanStack's own examples type them this way.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  selection?: TableSelection<T>;
  testId: string;
  /** The data-* attribute each row carries with its id, e.g. "record-id". */
  rowIdAttribute?: string;
}

// Stable components (not closures over the selection) so a toggle re-renders the checkbox
// instead of remounting it: keyboard focus stays on the box that was just toggled.
function SelectHeader<T>({ table }: HeaderContext<T, unknown>) {
  const { state } = table.options.meta!.selection!;
  return (
    <RowCheckbox
      label="Select all on this page"
      checked={state.allOnPage || !!state.matching}
      indeterminate={state.someOnPage}
      onToggle={() => state.togglePage()}
    />
  );
}

function SelectCell<T>({ table, row }: CellContext<T, unknown>) {
  const { state, canSelect, label } = table.options.meta!.selection!;
  return (
    (canSelect?.(row.original) ?? true) && (
      <RowCheckbox
        label={label(row.original)}
        checked={state.isSelected(row.id)}
        onToggle={(shift) => state.toggle(row.id, shift)}
      />
    )
  );
}

function selectColumn<T>(): ColumnDef<T> {
  return {
    id: "select",
    header: SelectHeader,
    cell: SelectCell,
    meta: { className: "w-10 py-2.5 pl-4", headerClassName: "w-10 py-2.5 pl-4" },
  };
}

/**
 * Below `lg` (phones, split screens) the table scrolls sideways inside its card while the checkbox and name
 * columns stay pinned left; the row actions stay pinned right at every width. Pinned cells inherit the row's
 * (opaque) background so scrolled cells never show through.
 */
function pinned(columnId: string, hasSelection: boolean): string | undefined {
  if (columnId === "select") return "max-lg:sticky max-lg:left-0 max-lg:z-10 bg-inherit";
  if (columnId === "name")
    return clsx(
      "max-lg:sticky max-lg:z-10 max-lg:min-w-36 bg-inherit max-lg:shadow-[inset_-1px_0_0_var(--color-zinc-100)]",
      hasSelection ? "max-lg:left-10" : "max-lg:left-0",
    );
  // At every width: however wide the other columns, a row's actions stay inside the table's box.
  if (columnId === "actions") return "sticky right-0 z-10 bg-inherit shadow-[inset_1px_0_0_var(--color-zinc-100)]";
  return undefined;
}

/**
 * The dashboard's one table: TanStack Table for the columns, the same header, rows, hover and
 * selection look everywhere (records, trash, segments, segment members). A column's
 * `meta.className` styles its cells (`meta.headerClassName` its header); selection adds the checkbox column.
 */
export function DataTable<T extends { id: string }>({
  rows,
  columns,
  selection,
  testId,
  rowIdAttribute = "row-id",
}: Props<T>) {
  const selectable = !!selection;
  const all = useMemo(() => (selectable ? [selectColumn<T>(), ...columns] : columns), [selectable, columns]);
  // The app does not use the React Compiler, so TanStack Table's unmemoizable API is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: all,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.id,
    meta: { selection },
  });
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className={theadClass}>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="bg-zinc-50">
              {group.headers.map((h) => (
                <th
                  key={h.id}
                  scope="col"
                  className={clsx(
                    h.column.columnDef.meta?.headerClassName ?? "px-4 py-2.5 font-medium",
                    pinned(h.column.id, !!selection),
                  )}
                >
                  {flexRender(h.column.columnDef.header, h.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              {...{ [`data-${rowIdAttribute}`]: row.id }}
              className={clsx(
                "group",
                selection?.state.isSelected(row.id) ? "bg-brand-50" : "bg-white hover:bg-zinc-50",
              )}
            >
              {row.getVisibleCells().map((cell) => (
                <td
                  key={cell.id}
                  data-column={cell.column.id}
                  className={clsx(
                    cell.column.columnDef.meta?.className ?? "px-4 py-2.5",
                    pinned(cell.column.id, !!selection),
                  )}
                >
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
