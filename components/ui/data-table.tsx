"use client";

import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type CellContext,
  type Column,
  type ColumnDef,
  type HeaderContext,
  type Row,
  type Table,
} from "@tanstack/react-table";
import { memo, useMemo } from "react";
import { RowCheckbox } from "@/components/bulk/row-checkbox";
import type { RowSelection } from "@/components/bulk/use-row-selection";
import { theadClass } from "./card";
import { useHydrated } from "./use-hydrated";

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
  /** A row's height where it is taller than one line with a row button: the placeholders' until the rows render. */
  rowHeight?: string;
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
        // Read at click time: a row that did not re-render still toggles the current selection.
        onToggle={(shift) => table.options.meta!.selection!.state.toggle(row.id, shift)}
      />
    )
  );
}

function selectColumn<T>(): ColumnDef<T> {
  return {
    id: "select",
    header: SelectHeader,
    cell: SelectCell,
    meta: {},
  };
}

// Pinned columns (checkbox and name below `lg`, actions at every width), padding, row hover and
// selection are CSS keyed by `data-column` and `data-selected` (app/globals.css, `.dt`). Only
// those cells carry `data-column` (and a column that asks, `meta.keyed`): on every cell of a row it
// was a tenth of a records page's HTML. Headers all carry it.
const PINNED = new Set(["select", "name", "actions"]);
const cellKey = (column: { id: string; columnDef: { meta?: { keyed?: boolean } } }) =>
  PINNED.has(column.id) || column.columnDef.meta?.keyed ? column.id : undefined;

/**
 * The dashboard's one table: TanStack Table for the columns, the same header, rows, hover and
 * selection look everywhere (records, trash, segments, segment members). A column's
 * `meta.className` styles its cells (`meta.headerClassName` its header); selection adds the checkbox column.
 *
 * The rows render in the browser. The page's payload carries them anyway (the table and React
 * Query start from them); rendered on the server as well, a page sent every row twice — a records
 * page was 77 KB of HTML, 36 KB of it the rows again, and their render a third of the page's
 * server time. The server's HTML holds a placeholder of a row's height for each row, so the page
 * does not jump when the rows come at hydration (on a phone, rows that wrap are taller and move it
 * a little); a client-side navigation renders them at once.
 */
export function DataTable<T extends { id: string }>({
  rows,
  columns,
  selection,
  testId,
  rowIdAttribute = "row-id",
  rowHeight,
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
  const hydrated = useHydrated();
  return (
    <div className="overflow-x-auto">
      <table
        className="dt w-full text-left text-sm"
        data-testid={testId}
        style={rowHeight ? ({ "--dt-row-height": rowHeight } as React.CSSProperties) : undefined}
      >
        <thead className={theadClass}>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((h) => (
                <th
                  key={h.id}
                  scope="col"
                  data-column={h.column.id}
                  className={h.column.columnDef.meta?.headerClassName}
                >
                  {flexRender(h.column.columnDef.header, h.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        {hydrated ? (
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <TableRow
                key={row.id}
                row={row}
                table={table}
                columns={table.getVisibleLeafColumns()}
                selected={!!selection?.state.isSelected(row.id)}
                rowIdAttribute={rowIdAttribute}
              />
            ))}
          </tbody>
        ) : (
          <tbody aria-busy="true">
            {rows.map((r) => (
              <tr key={r.id} className="dt-wait">
                <td colSpan={all.length} />
              </tr>
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}

interface RowProps<T> {
  row: Row<T>;
  table: Table<T>;
  /** The table's visible columns: a change of columns (their renderers, their callbacks) renders the row again. */
  columns: Column<T, unknown>[];
  selected: boolean;
  rowIdAttribute: string;
}

/**
 * What a cell renderer is given, built directly rather than through `row.getVisibleCells()`:
 * TanStack makes every cell an object with a dozen closures and a memoized context, and for a
 * page of fifty rows that was most of the table's server render, much of it garbage collection.
 * The renderers here read `row`, `column`, `getValue` and the table's meta, never `cell` (which
 * `flexRender` would copy, and so build, for every cell): it is left out.
 */
function cellContext<T>(table: Table<T>, column: Column<T, unknown>, row: Row<T>) {
  const getValue = () => row.getValue(column.id);
  const context: Omit<CellContext<T, unknown>, "cell"> = {
    table,
    column,
    row,
    getValue: getValue as CellContext<T, unknown>["getValue"],
    renderValue: () => getValue() ?? table.options.renderFallbackValue,
  };
  return context as CellContext<T, unknown>;
}

/**
 * A cell's content. The renderers are plain functions of their context (no hooks), so they are
 * called rather than mounted: `flexRender` made each cell a component of its own, five hundred
 * of them for a page of fifty rows, each with its props copied.
 */
function renderCell<T>(column: Column<T, unknown>, context: CellContext<T, unknown>): React.ReactNode {
  const cell = column.columnDef.cell;
  return typeof cell === "function" ? cell(context) : cell;
}

/**
 * One row, rendered again only when its record, its selection or the columns change: closing a
 * dialog or removing one row of fifty re-renders the table, not its fifty rows (that render held
 * the toast after a single delete by a frame or more). The pages' queries keep an unchanged row's
 * object across refetches and optimistic changes, matched by id (components/queries/share-rows.ts),
 * so a refreshed page re-renders only the rows that changed.
 */
const TableRow = memo(
  function TableRow<T>({ row, table, columns, selected, rowIdAttribute }: RowProps<T>) {
    return (
      <tr {...{ [`data-${rowIdAttribute}`]: row.id }} data-selected={selected ? "" : undefined}>
        {columns.map((column) => (
          <td key={column.id} data-column={cellKey(column)} className={column.columnDef.meta?.className}>
            {renderCell(column, cellContext(table, column, row))}
          </td>
        ))}
      </tr>
    );
  },
  (a, b) =>
    a.row.original === b.row.original &&
    a.selected === b.selected &&
    a.columns === b.columns &&
    a.rowIdAttribute === b.rowIdAttribute,
) as <T>(props: RowProps<T>) => React.ReactNode;
