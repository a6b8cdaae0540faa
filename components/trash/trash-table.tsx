"use client";

import { useQuery } from "@tanstack/react-query";
import { format, formatDistanceToNowStrict } from "date-fns";
import { ChevronRight, RotateCcw, ShieldAlert, Trash2 } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { BulkRunDialog } from "@/components/bulk/bulk-run-dialog";
import { RowCheckbox } from "@/components/bulk/row-checkbox";
import { SelectAllBanner, SelectionBar, SelectionBarButton } from "@/components/bulk/selection-bar";
import { useRowSelection } from "@/components/bulk/use-row-selection";
import { useSelectAll } from "@/components/bulk/use-select-all";
import { fetchJson } from "@/components/fetch-json";
import { useHardDeleteRecords, useRestoreRecords } from "@/components/mutations/use-record-mutations";
import { useSetHold } from "@/components/mutations/use-trash-mutations";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { SelectionAction } from "@/lib/bulk/schemas";
import type { ListTrashInput } from "@/lib/trash/schemas";
import type { TrashPage, TrashRow } from "@/lib/trash/list";
import { Countdown } from "./countdown";
import { TrashRowActions } from "./trash-row-actions";

export const trashKey = (q: ListTrashInput) => ["trash", q] as const;

function toParams(q: ListTrashInput): string {
  const entries = Object.entries(q).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)]);
  return new URLSearchParams(entries).toString();
}

export interface TrashPermissions {
  restore: boolean;
  hold: boolean;
  destroy: boolean;
}

export function TrashTable({ query, initialPage, can }: { query: ListTrashInput; initialPage: TrashPage; can: TrashPermissions }) {
  const params = useSearchParams();
  const { data } = useQuery({
    queryKey: trashKey(query),
    queryFn: () => fetchJson<TrashPage>(`/api/app/trash?${toParams(query)}`),
    initialData: initialPage,
  });
  const [toDestroy, setToDestroy] = useState<TrashRow[] | null>(null);
  const [bulkRun, setBulkRun] = useState<SelectionAction | null>(null);
  const pageIds = useMemo(() => data.items.map((r) => r.id), [data.items]);
  const selection = useRowSelection(pageIds, JSON.stringify(query));
  const { scope, entity, deletedBy, expiringWithinHours, q } = query;
  const selectAll = useSelectAll(selection, { scope: "trash", filter: { scope, entity, deletedBy, expiringWithinHours: expiringWithinHours === undefined ? undefined : Number(expiringWithinHours), q } });
  const restore = useRestoreRecords();
  const hold = useSetHold();
  const destroy = useHardDeleteRecords({ onDeleted: () => { setToDestroy(null); selection.clear(); } });
  const selectedRows = data.items.filter((r) => selection.selected.has(r.id));
  const bulkDestroyLabel = toDestroy && toDestroy.length === 1 ? `“${toDestroy[0]!.name}”` : `${toDestroy?.length ?? 0} records`;

  const nextHref = (() => {
    if (!data.nextCursor) return null;
    const next = new URLSearchParams(params.toString());
    next.set("cursor", data.nextCursor);
    return `/trash?${next}`;
  })();
  const firstHref = (() => {
    const first = new URLSearchParams(params.toString());
    first.delete("cursor");
    return `/trash?${first}`;
  })();

  return (
    <>
    <div className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs">
      <SelectAllBanner selection={selection} total={data.totalCount} pageSize={data.items.length} onSelectAll={() => selectAll.mutate()} pending={selectAll.isPending} />
      {data.items.length === 0 ? (
        <EmptyState icon={Trash2} title="The trash is empty">
          {data.scope === "mine" ? "Records you delete wait here before they are purged." : "Nothing in this view. Deleted records wait here before they are purged."}
        </EmptyState>
      ) : (
        <table className="w-full text-left text-sm" data-testid="trash-table">
          <thead className="border-b border-zinc-200 bg-zinc-50/80 text-xs font-medium uppercase tracking-wide text-zinc-500">
            <tr>
              {can.restore && (
                <th scope="col" className="w-10 py-2.5 pl-4">
                  <RowCheckbox label="Select all on this page" checked={selection.allOnPage || !!selection.matching} indeterminate={selection.someOnPage} onToggle={selection.togglePage} />
                </th>
              )}
              <th scope="col" className="px-4 py-2.5 font-medium">Name</th>
              <th scope="col" className="px-4 py-2.5 font-medium">Type</th>
              <th scope="col" className="px-4 py-2.5 font-medium">Deleted by</th>
              <th scope="col" className="px-4 py-2.5 font-medium">Deleted</th>
              <th scope="col" className="px-4 py-2.5 font-medium">Time left</th>
              <th scope="col" className="px-4 py-2.5 font-medium"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {data.items.map((r) => (
              <tr key={r.id} className={selection.isSelected(r.id) ? "bg-brand-50/60" : "hover:bg-zinc-50/60"} data-record-id={r.id}>
                {can.restore && (
                  <td className="py-2.5 pl-4">
                    {r.canRestore && <RowCheckbox label={`Select ${r.name}`} checked={selection.isSelected(r.id)} onToggle={(shift) => selection.toggle(r.id, shift)} />}
                  </td>
                )}
                <td data-column="name" className="px-4 py-2.5 font-medium text-zinc-900">{r.name}</td>
                <td className="px-4 py-2.5"><Badge>{r.entity.name}</Badge></td>
                <td className="whitespace-nowrap px-4 py-2.5 text-zinc-700">{r.deletedBy?.name ?? "Deleted user"}</td>
                <td className="whitespace-nowrap px-4 py-2.5 text-zinc-500" title={format(new Date(r.deletedAt), "PPpp")} suppressHydrationWarning>
                  {formatDistanceToNowStrict(new Date(r.deletedAt), { addSuffix: true })}
                </td>
                <td className="px-4 py-2.5"><Countdown purgeAt={r.purgeAt} heldAt={r.heldAt} /></td>
                <td className="px-4 py-2">
                  <TrashRowActions row={r} canRestore={r.canRestore} canHold={can.hold} canDestroy={can.destroy} onRestore={() => restore.mutate([r.id])} onHold={() => hold.mutate({ id: r.id, hold: !r.heldAt })} onDestroy={() => setToDestroy([r])} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="flex items-center justify-between border-t border-zinc-200 bg-zinc-50/50 px-4 py-2.5">
        <p className="text-xs text-zinc-500" data-testid="trash-total">{data.totalCount.toLocaleString("en-US")} in this view</p>
        <div className="flex gap-2">
          {params.get("cursor") && <Link href={firstHref} className={buttonClass("secondary", "sm")}>First page</Link>}
          {nextHref && (
            <Link href={nextHref} className={buttonClass("secondary", "sm")} aria-label="Next page">
              Next <ChevronRight className="size-4" aria-hidden />
            </Link>
          )}
        </div>
      </div>
    </div>
      {can.restore && (
        <SelectionBar selection={selection}>
          <SelectionBarButton onClick={() => (selection.matching ? setBulkRun("restore") : restore.mutate(selection.ids, { onSuccess: selection.clear }))}>
            <RotateCcw className="size-4" aria-hidden /> Restore
          </SelectionBarButton>
          {can.destroy && (
            <SelectionBarButton danger onClick={() => (selection.matching ? setBulkRun("destroy") : setToDestroy(selectedRows))}>
              <ShieldAlert className="size-4" aria-hidden /> Delete permanently
            </SelectionBarButton>
          )}
        </SelectionBar>
      )}
      <ConfirmDialog
        open={toDestroy !== null}
        onOpenChange={(open) => !open && setToDestroy(null)}
        title={`Delete ${bulkDestroyLabel} permanently?`}
        confirmLabel="Delete permanently"
        pending={destroy.isPending}
        onConfirm={() => toDestroy && destroy.mutate(toDestroy.map((r) => r.id))}
      >
        <p>This won’t be recoverable. Each record and everything that belonged to it — notes, activities, line items and relations — are erased now instead of at the end of the countdown.</p>
      </ConfirmDialog>
      {bulkRun && selection.matching && (
        <BulkRunDialog selection={selection.matching} action={bulkRun} onClose={() => { setBulkRun(null); selection.clear(); }} />
      )}
    </>
  );
}
