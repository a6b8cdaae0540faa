"use client";

import { SearchX, Trash2 } from "lucide-react";
import dynamic from "next/dynamic";
import { useMemo, useState } from "react";
import { toastMovedToTrash } from "@/components/mutations/moved-to-trash-toast";
import { SelectAllBanner, SelectionBar, SelectionBarButton } from "@/components/bulk/selection-bar";
import { useRowSelection } from "@/components/bulk/use-row-selection";
import { useSelectAll } from "@/components/bulk/use-select-all";
import { useDeleteRecords, useUndoDelete } from "@/components/mutations/use-record-mutations";
import { useRecordsPage } from "@/components/queries/reads";
import { DataTable } from "@/components/ui/data-table";
import { formatTotalOf } from "@/components/ui/total";
import { EmptyState } from "@/components/ui/empty-state";
import { focusRowWhenShown } from "@/components/ui/focus-row";
import { Pager, pageHref } from "@/components/ui/pager";
import type { EntitySummary } from "@/lib/entities";
import type { RecordPage, RecordRow } from "@/lib/records/list";
import type { RecordsQuery } from "@/lib/records/schemas";
import { recordColumns } from "./record-columns";

// Dialogs and the bulk-run machinery load when first opened, not with the page.
const DeleteRecordDialog = dynamic(() => import("./delete-record-dialog").then((m) => m.DeleteRecordDialog), {
  ssr: false,
});
const BulkRunDialog = dynamic(() => import("@/components/bulk/bulk-run-dialog").then((m) => m.BulkRunDialog), {
  ssr: false,
});

interface Props {
  entity: EntitySummary;
  query: RecordsQuery & { entity: string };
  initialPage: RecordPage;
  canDelete: boolean;
  retentionDays: number;
  /** What a delete here sets off (each runs once per record), and whether the caller may skip it. */
  onDeleteAutomations?: { id: string; name: string }[];
  canSkipAutomations?: boolean;
}

export function RecordsTable({
  entity,
  query,
  initialPage,
  canDelete,
  retentionDays,
  onDeleteAutomations = [],
  canSkipAutomations = false,
}: Props) {
  const { data } = useRecordsPage(query, initialPage);
  const pageIds = useMemo(() => data.items.map((r) => r.id), [data.items]);
  const selection = useRowSelection(pageIds, JSON.stringify(query));
  const selectAll = useSelectAll(selection, { scope: "records", entity: entity.slug, q: query.q });
  const [dialog, setDialog] = useState<{ kind: "delete"; rows: RecordRow[] } | { kind: "all" } | null>(null);
  const undo = useUndoDelete();
  const deleteRecords = useDeleteRecords({
    retentionDays,
    onDeleted: () => {
      setDialog(null);
      selection.clear();
    },
    // Focus goes back to the first restored row, where the person was.
    onUndone: (ids) => ids[0] && focusRowWhenShown(ids[0], '[aria-label^="Delete "]'),
  });

  const columns = useMemo(
    () => recordColumns(entity.slug, canDelete ? (row) => setDialog({ kind: "delete", rows: [row] }) : null),
    [entity.slug, canDelete],
  );
  const tableSelection = useMemo(
    () => (canDelete ? { state: selection, label: (r: RecordRow) => `Select ${r.name}` } : undefined),
    [canDelete, selection],
  );
  const deleting = dialog?.kind === "delete" ? dialog.rows : [];
  const deleteSelection = () =>
    setDialog(
      selection.matching
        ? { kind: "all" }
        : { kind: "delete", rows: data.items.filter((r) => selection.selected.has(r.id)) },
    );
  const href = (cursor: string | null, dir: "prev" | "next") =>
    pageHref(`/records/${entity.slug}`, { q: query.q }, cursor, dir);

  return (
    <>
      <div className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs">
        <SelectAllBanner
          selection={selection}
          total={data}
          pageSize={data.items.length}
          onSelectAll={() => selectAll.mutate()}
          pending={selectAll.isPending}
        />
        {data.items.length === 0 ? (
          <EmptyState
            icon={SearchX}
            title={query.q ? "No records match your search" : `No ${entity.name.toLowerCase()} yet`}
          >
            {query.q
              ? "Try a different name, phone number or external id."
              : "Records you create or import show up here."}
          </EmptyState>
        ) : (
          <DataTable
            rows={data.items}
            columns={columns}
            selection={tableSelection}
            testId="records-table"
            rowIdAttribute="record-id"
          />
        )}
        <Pager
          testId="records-total"
          summary={
            <>
              {formatTotalOf(data, "record", "records")}
              {query.q ? <> matching “{query.q}”</> : null} · 50 per page
            </>
          }
          prevHref={href(data.prevCursor, "prev")}
          nextHref={href(data.nextCursor, "next")}
        />
      </div>

      {canDelete && (
        <SelectionBar selection={selection} onDeleteKey={deleteSelection} selecting={selectAll.isPending}>
          <SelectionBarButton danger onClick={deleteSelection}>
            <Trash2 className="size-4" aria-hidden /> Delete
          </SelectionBarButton>
        </SelectionBar>
      )}
      {dialog?.kind === "delete" && (
        <DeleteRecordDialog
          open
          onOpenChange={(open) => !open && setDialog(null)}
          names={deleting.map((r) => r.name)}
          retentionDays={retentionDays}
          pending={deleteRecords.isPending}
          onConfirm={({ runAutomations }) => deleteRecords.mutate({ ids: deleting.map((r) => r.id), runAutomations })}
          automations={onDeleteAutomations}
          canSkipAutomations={canSkipAutomations}
        />
      )}
      {dialog?.kind === "all" && selection.matching && (
        <BulkRunDialog
          selection={selection.matching}
          action="delete"
          automations={onDeleteAutomations}
          canSkipAutomations={canSkipAutomations}
          onClose={({ batchIds, succeeded, ran }) => {
            setDialog(null);
            // Cancelled before it started: the selection stays, to act on it another way.
            if (ran) selection.clear();
            if (succeeded > 0) {
              toastMovedToTrash({ count: succeeded, retentionDays, onUndo: () => undo.mutate(batchIds) });
            }
          }}
        />
      )}
    </>
  );
}
