import "@tanstack/react-table";

declare module "@tanstack/react-table" {
  // The per-column styling DataTable reads: the cells' classes, and the header's when it differs.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    className?: string;
    headerClassName?: string;
  }
}
