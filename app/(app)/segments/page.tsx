import type { Metadata } from "next";
import { format } from "date-fns";
import { ListFilter, Workflow } from "lucide-react";
import { FilterSummary } from "@/components/segments/filter-summary";
import { Badge } from "@/components/ui/badge";
import { Card, th, theadClass } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { listSegments } from "@/lib/segments/list";

export const metadata: Metadata = { title: "Segments" };

export default async function SegmentsPage() {
  const actor = await requireActor("/segments");
  const segments = await listSegments(actor);
  return (
    <>
      <PageHeader title="Segments" description="Saved filters over your records. Their members update as records are deleted, restored or purged." />
      <Card>
        {segments.length === 0 ? (
          <EmptyState icon={ListFilter} title="No segments yet">Save a filter from the records list to make one.</EmptyState>
        ) : (
          <table className="w-full text-left text-sm" data-testid="segments-table">
            <thead className={theadClass}>
              <tr><th className={th}>Segment</th><th className={th}>Filter</th><th className={th}>Created by</th><th className={`${th} text-right`}>Members</th><th className={th}>Automations</th></tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {segments.map((s) => (
                <tr key={s.id} data-segment-id={s.id}>
                  <td className="px-4 py-3">
                    <p className="font-medium text-zinc-900">{s.name}</p>
                    <p className="text-xs text-zinc-500">{s.entity.name} · created {format(new Date(s.createdAt), "MMM d, yyyy")}</p>
                  </td>
                  <td className="px-4 py-3"><FilterSummary filter={s.filter} /></td>
                  <td className="px-4 py-3 text-zinc-700">{s.createdBy?.name ?? "Removed user"}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{s.memberCount.toLocaleString("en-US")}</td>
                  <td className="px-4 py-3">
                    <div className="flex flex-wrap gap-1">
                      {s.automations.length === 0 ? <span className="text-zinc-400">—</span> : s.automations.map((a) => (
                        <Badge key={a.id} tone={a.status === "ACTIVE" ? "brand" : "zinc"}><Workflow className="size-3" aria-hidden />{a.name}</Badge>
                      ))}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
