import "@tanstack/react-table";
import type { TableSelection } from "@/components/ui/data-table";

declare module "@tanstack/react-table" {
  // The per-column styling DataTable reads: the cells' classes, and the header's when it differs.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    className?: string;
    headerClassName?: string;
    /** The cells carry `data-column` too (pinned columns always do): for a test or a style to find them. */
    keyed?: boolean;
  }

  // DataTable hands its row selection to the checkbox column through the table's meta.
  interface TableMeta<TData extends RowData> {
    selection?: TableSelection<TData>;
  }
}
