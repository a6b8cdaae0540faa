"use client";

import { useQuery } from "@tanstack/react-query";
import { flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { SearchX, Trash2 } from "lucide-react";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { BulkRunDialog } from "@/components/bulk/bulk-run-dialog";
import { SelectAllBanner, SelectionBar, SelectionBarButton } from "@/components/bulk/selection-bar";
import { useRowSelection } from "@/components/bulk/use-row-selection";
import { useSelectAll } from "@/components/bulk/use-select-all";
import { fetchJson } from "@/components/fetch-json";
import { useDeleteRecords, useUndoDelete } from "@/components/mutations/use-record-mutations";
import { EmptyState } from "@/components/ui/empty-state";
import type { EntitySummary } from "@/lib/entities";
import type { RecordPage, RecordRow } from "@/lib/records/list";
import { recordColumns } from "./record-columns";
import { DeleteRecordDialog } from "./delete-record-dialog";
import { RecordsPager } from "./records-pager";

export interface RecordsQuery {
  entity: string;
  q?: string;
  cursor?: string;
  direction: "next" | "prev";
}

export const recordsKey = (q: RecordsQuery) => ["records", q.entity, q.q ?? "", q.cursor ?? "", q.direction] as const;

interface Props {
  entity: EntitySummary;
  query: RecordsQuery;
  initialPage: RecordPage;
  canDelete: boolean;
  retentionDays: number;
}

export function RecordsTable({ entity, query, initialPage, canDelete, retentionDays }: Props) {
  const { data } = useQuery({
    queryKey: recordsKey(query),
    queryFn: () => fetchJson<RecordPage>(`/api/app/records?${new URLSearchParams({ entity: query.entity, q: query.q ?? "", cursor: query.cursor ?? "", direction: query.direction })}`),
    initialData: initialPage,
  });
  const pageIds = useMemo(() => data.items.map((r) => r.id), [data.items]);
  const selection = useRowSelection(pageIds, JSON.stringify(query));
  const selectAll = useSelectAll(selection, { scope: "records", entity: entity.slug, q: query.q });
  const [dialog, setDialog] = useState<{ kind: "delete"; rows: RecordRow[] } | { kind: "all" } | null>(null);
  const undo = useUndoDelete();
  const deleteRecords = useDeleteRecords({ onDeleted: () => { setDialog(null); selection.clear(); } });

  const columns = useMemo(
    () => recordColumns(entity.slug, canDelete ? { selection, onDelete: (row) => setDialog({ kind: "delete", rows: [row] }) } : null),
    [entity.slug, canDelete, selection],
  );
  // The app does not use the React Compiler, so TanStack Table's unmemoizable API is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: data.items, columns, getCoreRowModel: getCoreRowModel(), getRowId: (r) => r.id });
  const deleting = dialog?.kind === "delete" ? dialog.rows : [];

  return (
    <>
      <div className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs">
        <SelectAllBanner selection={selection} total={data.totalCount} pageSize={data.items.length} onSelectAll={() => selectAll.mutate()} pending={selectAll.isPending} />
        {data.items.length === 0 ? (
          <EmptyState icon={SearchX} title={query.q ? "No records match your search" : `No ${entity.name.toLowerCase()} yet`}>
            {query.q ? "Try a different name, phone number or external id." : "Records you create or import show up here."}
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="records-table">
              <thead className="border-b border-zinc-200 bg-zinc-50/80 text-xs font-medium uppercase tracking-wide text-zinc-500">
                {table.getHeaderGroups().map((hg) => (
                  <tr key={hg.id}>
                    {hg.headers.map((h) => (
                      <th key={h.id} scope="col" className={h.id === "select" ? "w-10 py-2.5 pl-4" : "px-4 py-2.5 font-medium"}>{flexRender(h.column.columnDef.header, h.getContext())}</th>
                    ))}
                  </tr>
                ))}
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {table.getRowModel().rows.map((row) => (
                  <tr key={row.id} className={selection.isSelected(row.id) ? "group bg-brand-50/60" : "group hover:bg-zinc-50/60"} data-record-id={row.id}>
                    {row.getVisibleCells().map((cell) => (
                      <td key={cell.id} data-column={cell.column.id} className={cell.column.id === "select" ? "py-2.5 pl-4" : "px-4 py-2.5"}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <RecordsPager entitySlug={entity.slug} query={query} page={data} />
      </div>

      {canDelete && (
        <SelectionBar selection={selection}>
          <SelectionBarButton danger onClick={() => setDialog(selection.matching ? { kind: "all" } : { kind: "delete", rows: data.items.filter((r) => selection.selected.has(r.id)) })}>
            <Trash2 className="size-4" aria-hidden /> Delete
          </SelectionBarButton>
        </SelectionBar>
      )}
      <DeleteRecordDialog
        open={dialog?.kind === "delete"}
        onOpenChange={(open) => !open && setDialog(null)}
        names={deleting.map((r) => r.name)}
        retentionDays={retentionDays}
        pending={deleteRecords.isPending}
        onConfirm={() => deleteRecords.mutate(deleting.map((r) => r.id))}
      />
      {dialog?.kind === "all" && selection.matching && (
        <BulkRunDialog
          selection={selection.matching}
          action="delete"
          onClose={({ batchIds, succeeded }) => {
            setDialog(null);
            selection.clear();
            if (succeeded > 0) {
              toast.success(`Moved ${succeeded.toLocaleString("en-US")} records to the trash.`, {
                action: { label: "Undo", onClick: () => undo.mutate(batchIds) },
                duration: 10_000,
              });
            }
          }}
        />
      )}
    </>
  );
}
