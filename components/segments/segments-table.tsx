"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { ListFilter, Workflow } from "lucide-react";
import Link from "next/link";
import { useMemo } from "react";
import { useSegments } from "@/components/queries/reads";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { SegmentRow } from "@/lib/segments/list";
import { DeleteSegmentButton } from "./delete-segment-button";
import { FilterSummary } from "./filter-summary";
import { LocalTime } from "@/components/ui/local-time";

const AUTOMATION_TONE = { ACTIVE: "brand", PAUSED: "amber", DETACHED: "zinc" } as const;
const column = createColumnHelper<SegmentRow>();
const cell = "px-4 py-3";

function segmentColumns(canWrite: boolean) {
  return [
    column.accessor("name", {
      header: "Segment",
      cell: ({ row: { original: s } }) => (
        <>
          <Link
            href={`/segments/${s.id}`}
            prefetch={false}
            className="font-medium text-zinc-900 hover:text-brand-700 hover:underline"
          >
            {s.name}
          </Link>
          <p className="text-xs text-zinc-500">
            {s.entity.name} · created <LocalTime value={s.createdAt} style="date" />
          </p>
        </>
      ),
      meta: { className: cell },
    }),
    column.display({
      id: "filter",
      header: "Filter",
      cell: ({ row }) => <FilterSummary filter={row.original.filter} />,
      meta: { className: cell },
    }),
    column.display({
      id: "createdBy",
      header: "Created by",
      cell: ({ row }) => row.original.createdBy?.name ?? <span className="text-zinc-400">Removed user</span>,
      meta: { className: `${cell} text-zinc-700` },
    }),
    column.accessor("memberCount", {
      header: "Members",
      cell: (i) => i.getValue().toLocaleString("en-US"),
      meta: { className: `${cell} text-right tabular-nums`, headerClassName: "px-4 py-2.5 text-right font-medium" },
    }),
    column.display({
      id: "automations",
      header: "Automations",
      cell: ({ row: { original: s } }) => (
        <div className="flex flex-wrap gap-1">
          {s.automations.length === 0 ? (
            <span className="text-zinc-400">—</span>
          ) : (
            s.automations.map((a) => (
              <Badge
                key={a.id}
                tone={AUTOMATION_TONE[a.status]}
                title={a.status === "ACTIVE" ? undefined : a.status.toLowerCase()}
              >
                <Workflow className="size-3" aria-hidden />
                {a.name}
              </Badge>
            ))
          )}
        </div>
      ),
      meta: { className: cell },
    }),
    ...(canWrite
      ? [
          column.display({
            id: "actions",
            header: () => <span className="sr-only">Actions</span>,
            cell: ({ row }) => <DeleteSegmentButton segment={row.original} />,
            meta: { className: "w-12 px-3 py-3 text-right" },
          }),
        ]
      : []),
  ];
}

/** Every segment of the workspace; VIEWERs get no delete column at all. */
export function SegmentsTable({ initial, canWrite }: { initial: SegmentRow[]; canWrite: boolean }) {
  const { data: segments } = useSegments(initial);
  const columns = useMemo(() => segmentColumns(canWrite), [canWrite]);
  if (segments.length === 0) {
    return (
      <EmptyState icon={ListFilter} title="No segments yet">
        {canWrite ? "Save a filter over your records with “New segment”." : "Segments your team saves show up here."}
      </EmptyState>
    );
  }
  // Two lines a row: its name and what it matches.
  return (
    <DataTable
      rows={segments}
      columns={columns}
      testId="segments-table"
      rowIdAttribute="segment-id"
      rowHeight="3.8125rem"
    />
  );
}
