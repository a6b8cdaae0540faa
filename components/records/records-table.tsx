"use client";

import { useQuery } from "@tanstack/react-query";
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { format } from "date-fns";
import { ChevronLeft, ChevronRight, SearchX, Trash2 } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useDeleteRecords } from "@/components/mutations/use-record-mutations";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { EntitySummary } from "@/lib/entities";
import type { RecordPage, RecordRow } from "@/lib/records/list";
import { fetchJson } from "@/components/fetch-json";
import { ENTITY_COLUMNS, formatAttribute } from "./columns";
import { DeleteRecordDialog } from "./delete-record-dialog";

export interface RecordsQuery {
  entity: string;
  q?: string;
  cursor?: string;
  direction: "next" | "prev";
}

export const recordsKey = (q: RecordsQuery) => ["records", q.entity, q.q ?? "", q.cursor ?? "", q.direction] as const;

function pageHref(entity: string, q: string | undefined, cursor: string, dir: "next" | "prev") {
  const params = new URLSearchParams({ ...(q ? { q } : {}), cursor, dir });
  return `/records/${entity}?${params}`;
}

const column = createColumnHelper<RecordRow>();

interface Props {
  entity: EntitySummary;
  query: RecordsQuery;
  initialPage: RecordPage;
  canDelete: boolean;
  retentionDays: number;
}

export function RecordsTable({ entity, query, initialPage, canDelete, retentionDays }: Props) {
  const [toDelete, setToDelete] = useState<RecordRow | null>(null);
  const deleteRecords = useDeleteRecords({ onDeleted: () => setToDelete(null) });
  const { data } = useQuery({
    queryKey: recordsKey(query),
    queryFn: () => fetchJson<RecordPage>(`/api/app/records?${new URLSearchParams({ entity: query.entity, q: query.q ?? "", cursor: query.cursor ?? "", direction: query.direction })}`),
    initialData: initialPage,
  });

  const columns = useMemo(() => {
    const attrs = ENTITY_COLUMNS[entity.slug] ?? [];
    return [
      column.accessor("name", {
        header: "Name",
        cell: (info) => (
          <Link href={`/records/${entity.slug}/${info.row.original.id}`} className="font-medium text-zinc-900 hover:text-brand-700 hover:underline">
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
            return a.kind === "badge" && text !== "—" ? <Badge>{text}</Badge> : <span className="whitespace-nowrap text-zinc-700">{text}</span>;
          },
        }),
      ),
      ...(entity.slug === "deals" ? [] : [column.accessor("phoneNumber", { header: "Phone", cell: (i) => <span className="font-mono text-xs text-zinc-600">{i.getValue() ?? "—"}</span> })]),
      column.display({
        id: "external",
        header: "External ID",
        cell: ({ row: { original: r } }) => r.externalId ? <span className="text-xs text-zinc-600"><span className="text-zinc-400">{r.externalProvider}:</span>{r.externalId}</span> : <span className="text-zinc-400">—</span>,
      }),
      column.accessor("ownerName", { header: "Owner", cell: (i) => <span className="whitespace-nowrap text-zinc-700">{i.getValue() ?? "—"}</span> }),
      column.accessor("createdAt", { header: "Created", cell: (i) => <span className="whitespace-nowrap text-zinc-500">{format(new Date(i.getValue()), "MMM d, yyyy")}</span> }),
      ...(canDelete
        ? [column.display({
            id: "actions",
            header: () => <span className="sr-only">Actions</span>,
            cell: ({ row }) => (
              <button
                type="button"
                onClick={() => setToDelete(row.original)}
                aria-label={`Delete ${row.original.name}`}
                title="Move to trash"
                className="rounded-md p-1.5 text-zinc-400 opacity-60 transition hover:bg-red-50 hover:text-red-600 group-hover:opacity-100 focus-visible:opacity-100"
              >
                <Trash2 className="size-4" aria-hidden />
              </button>
            ),
          })]
        : []),
    ];
  }, [entity.slug, canDelete]);

  // The app does not use the React Compiler, so TanStack Table's unmemoizable API is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: data.items, columns, getCoreRowModel: getCoreRowModel(), getRowId: (r) => r.id });

  return (
    <div className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs">
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
                    <th key={h.id} scope="col" className="px-4 py-2.5 font-medium">{flexRender(h.column.columnDef.header, h.getContext())}</th>
                  ))}
                </tr>
              ))}
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {table.getRowModel().rows.map((row) => (
                <tr key={row.id} className="group hover:bg-zinc-50/60" data-record-id={row.id}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="px-4 py-2.5">{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="flex items-center justify-between border-t border-zinc-200 bg-zinc-50/50 px-4 py-2.5">
        <p className="text-xs text-zinc-500" data-testid="records-total">
          {data.totalCount.toLocaleString("en-US")} {data.totalCount === 1 ? "record" : "records"}{query.q ? <> matching “{query.q}”</> : null} · 50 per page
        </p>
        <div className="flex gap-2">
          {data.prevCursor ? (
            <Link href={pageHref(entity.slug, query.q, data.prevCursor, "prev")} className={buttonClass("secondary", "sm")} aria-label="Previous page">
              <ChevronLeft className="size-4" aria-hidden /> Previous
            </Link>
          ) : (
            <span className={buttonClass("secondary", "sm", "pointer-events-none opacity-40")} aria-disabled>
              <ChevronLeft className="size-4" aria-hidden /> Previous
            </span>
          )}
          {data.nextCursor ? (
            <Link href={pageHref(entity.slug, query.q, data.nextCursor, "next")} className={buttonClass("secondary", "sm")} aria-label="Next page">
              Next <ChevronRight className="size-4" aria-hidden />
            </Link>
          ) : (
            <span className={buttonClass("secondary", "sm", "pointer-events-none opacity-40")} aria-disabled>
              Next <ChevronRight className="size-4" aria-hidden />
            </span>
          )}
        </div>
      </div>
      <DeleteRecordDialog
        open={toDelete !== null}
        onOpenChange={(open) => !open && setToDelete(null)}
        names={toDelete ? [toDelete.name] : []}
        retentionDays={retentionDays}
        pending={deleteRecords.isPending}
        onConfirm={() => toDelete && deleteRecords.mutate([toDelete.id])}
      />
    </div>
  );
}
