"use client";

import { Download, RotateCcw, ShieldAlert, Trash2 } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { BulkRunDialog } from "@/components/bulk/bulk-run-dialog";
import { SelectAllBanner, SelectionBar, SelectionBarButton } from "@/components/bulk/selection-bar";
import { useRowSelection } from "@/components/bulk/use-row-selection";
import { useSelectAll } from "@/components/bulk/use-select-all";
import { useDestroyRecords, useRestoreRecords } from "@/components/mutations/use-record-mutations";
import { useSetHold } from "@/components/mutations/use-trash-mutations";
import { useTrashPage } from "@/components/queries/reads";
import { formatTotal } from "@/components/ui/total";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager, pageHref } from "@/components/ui/pager";
import type { SelectionAction } from "@/lib/bulk/schemas";
import type { TrashPage, TrashRow } from "@/lib/trash/list";
import type { TrashFilter, TrashQuery } from "@/lib/trash/schemas";
import { DestroyTrashedDialog } from "./destroy-trashed-dialog";
import { trashColumns, type TrashPermissions } from "./trash-columns";

interface Props {
  /** The view as the URL says it (for refetches and page links)… */
  query: TrashQuery;
  /** …and its filter as parsed, for "select all matching". */
  filter: TrashFilter;
  initialPage: TrashPage;
  can: TrashPermissions;
}

export function TrashTable({ query, filter, initialPage, can }: Props) {
  const { data } = useTrashPage(query, initialPage);
  const [toDestroy, setToDestroy] = useState<TrashRow[] | null>(null);
  const [bulkRun, setBulkRun] = useState<SelectionAction | null>(null);
  const pageIds = useMemo(() => data.items.map((r) => r.id), [data.items]);
  const selection = useRowSelection(pageIds, JSON.stringify(query));
  const selectAll = useSelectAll(selection, { scope: "trash", filter });
  const restore = useRestoreRecords();
  const hold = useSetHold();
  const destroy = useDestroyRecords({
    onDeleted: () => {
      setToDestroy(null);
      selection.clear();
    },
  });
  const selectedRows = data.items.filter((r) => selection.selected.has(r.id));
  const destroySelection = () => (selection.matching ? setBulkRun("destroy") : setToDestroy(selectedRows));

  const columns = useMemo(
    () =>
      trashColumns(can, {
        onRestore: (r) => restore.mutate([r.id]),
        onHold: (r) => hold.mutate({ id: r.id, hold: !r.heldAt }),
        onDestroy: (r) => setToDestroy([r]),
      }),
    // The mutations' `mutate` functions are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [can],
  );
  const tableSelection = useMemo(
    () =>
      can.restore
        ? { state: selection, canSelect: (r: TrashRow) => r.canRestore, label: (r: TrashRow) => `Select ${r.name}` }
        : undefined,
    [can.restore, selection],
  );
  // Page links keep the view's URL parameters as they are, only the position changes.
  const params = useSearchParams();
  const view = Object.fromEntries([...params].filter(([key]) => key !== "cursor" && key !== "dir"));
  const href = (cursor: string | null, dir: "prev" | "next") => pageHref("/trash", view, cursor, dir);
  // The selection's CSV: the picked rows by id, or the whole view when "all matching" is selected.
  const exportHref = `/api/app/trash/export?${new URLSearchParams(selection.matching ? view : { ...view, ids: selection.ids.join(",") })}`;

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
          <EmptyState icon={Trash2} title="The trash is empty">
            {data.scope !== "mine"
              ? "Nothing in this view. Deleted records wait here before they are purged."
              : can.restore
                ? "Records you delete wait here before they are purged."
                : "Nothing of yours is here: viewers cannot delete records."}
          </EmptyState>
        ) : (
          <DataTable
            rows={data.items}
            columns={columns}
            selection={tableSelection}
            testId="trash-table"
            rowIdAttribute="record-id"
          />
        )}
        <Pager
          testId="trash-total"
          summary={`${formatTotal(data)} in this view`}
          prevHref={href(data.prevCursor, "prev")}
          nextHref={href(data.nextCursor, "next")}
        />
      </div>
      {can.restore && (
        <SelectionBar
          selection={selection}
          onDeleteKey={can.destroy ? destroySelection : undefined}
          selecting={selectAll.isPending}
        >
          {/* No href while "select all" is on its way: it would export the page's rows only. */}
          <a
            href={selectAll.isPending ? undefined : exportHref}
            aria-disabled={selectAll.isPending || undefined}
            download
            data-testid="selection-export"
            className="inline-flex items-center gap-1.5 rounded-lg px-2.5 py-1.5 text-sm font-medium hover:bg-zinc-800"
          >
            <Download className="size-4" aria-hidden /> <span className="sr-only sm:not-sr-only">Export </span>CSV
          </a>
          <SelectionBarButton
            onClick={() =>
              selection.matching ? setBulkRun("restore") : restore.mutate(selection.ids, { onSuccess: selection.clear })
            }
          >
            <RotateCcw className="size-4" aria-hidden /> Restore
          </SelectionBarButton>
          {can.destroy && (
            <SelectionBarButton danger onClick={destroySelection}>
              <ShieldAlert className="size-4" aria-hidden /> Delete permanently
            </SelectionBarButton>
          )}
        </SelectionBar>
      )}
      <DestroyTrashedDialog
        names={toDestroy && toDestroy.map((r) => r.name)}
        onClose={() => setToDestroy(null)}
        pending={destroy.isPending}
        onConfirm={(confirmCount) => toDestroy && destroy.mutate({ ids: toDestroy.map((r) => r.id), confirmCount })}
      />
      {bulkRun && selection.matching && (
        <BulkRunDialog
          selection={selection.matching}
          action={bulkRun}
          onClose={({ ran }) => {
            setBulkRun(null);
            // Cancelled before it started: the selection stays.
            if (ran) selection.clear();
          }}
        />
      )}
    </>
  );
}
