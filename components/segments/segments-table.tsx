"use client";

import { useQuery } from "@tanstack/react-query";
import { format } from "date-fns";
import { ListFilter, Workflow } from "lucide-react";
import Link from "next/link";
import { fetchJson } from "@/components/fetch-json";
import { SEGMENTS_KEY } from "@/components/mutations/use-segment-mutations";
import { Badge } from "@/components/ui/badge";
import { th, theadClass } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { SegmentRow } from "@/lib/segments/list";
import { DeleteSegmentButton } from "./delete-segment-button";
import { FilterSummary } from "./filter-summary";

const AUTOMATION_TONE = { ACTIVE: "brand", PAUSED: "amber", DETACHED: "zinc" } as const;

/** Every segment of the workspace; VIEWERs get no delete column at all. */
export function SegmentsTable({ initial, canWrite }: { initial: SegmentRow[]; canWrite: boolean }) {
  const { data: segments } = useQuery({ queryKey: SEGMENTS_KEY, queryFn: () => fetchJson<SegmentRow[]>("/api/app/segments"), initialData: initial });

  if (segments.length === 0) {
    return (
      <EmptyState icon={ListFilter} title="No segments yet">
        {canWrite ? "Save a filter over your records with “New segment”." : "Segments your team saves show up here."}
      </EmptyState>
    );
  }
  return (
    <table className="w-full text-left text-sm" data-testid="segments-table">
      <thead className={theadClass}>
        <tr>
          <th className={th}>Segment</th><th className={th}>Filter</th><th className={th}>Created by</th>
          <th className={`${th} text-right`}>Members</th><th className={th}>Automations</th>
          {canWrite && <th className={th}><span className="sr-only">Actions</span></th>}
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">
        {segments.map((s) => (
          <tr key={s.id} data-segment-id={s.id} className="hover:bg-zinc-50/60">
            <td className="px-4 py-3">
              <Link href={`/segments/${s.id}`} className="font-medium text-zinc-900 hover:text-brand-700 hover:underline">{s.name}</Link>
              <p className="text-xs text-zinc-500">{s.entity.name} · created {format(new Date(s.createdAt), "MMM d, yyyy")}</p>
            </td>
            <td className="px-4 py-3"><FilterSummary filter={s.filter} /></td>
            <td className="px-4 py-3 text-zinc-700">{s.createdBy?.name ?? <span className="text-zinc-400">Removed user</span>}</td>
            <td className="px-4 py-3 text-right tabular-nums">{s.memberCount.toLocaleString("en-US")}</td>
            <td className="px-4 py-3">
              <div className="flex flex-wrap gap-1">
                {s.automations.length === 0 ? <span className="text-zinc-400">—</span> : s.automations.map((a) => (
                  <Badge key={a.id} tone={AUTOMATION_TONE[a.status]} title={a.status === "ACTIVE" ? undefined : a.status.toLowerCase()}>
                    <Workflow className="size-3" aria-hidden />{a.name}
                  </Badge>
                ))}
              </div>
            </td>
            {canWrite && <td className="w-12 px-3 py-3 text-right"><DeleteSegmentButton segment={s} /></td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
