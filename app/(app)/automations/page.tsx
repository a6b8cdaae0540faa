import type { Metadata } from "next";
import { formatDistanceToNowStrict } from "date-fns";
import { Workflow } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, th, theadClass } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { listAutomations } from "@/lib/automations/list";

export const metadata: Metadata = { title: "Automations" };

const STATUS_TONE = { ACTIVE: "green", PAUSED: "amber", DETACHED: "zinc" } as const;
const TRIGGER = { RECORD_DELETED: "When a record is deleted", SEGMENT_ENTERED: "When a record enters a segment" } as const;

export default async function AutomationsPage() {
  const actor = await requireActor("/automations");
  const automations = await listAutomations(actor);
  return (
    <>
      <PageHeader title="Automations" description="Workflows that run on record deletion or segment changes. Every run is recorded." />
      <Card>
        {automations.length === 0 ? (
          <EmptyState icon={Workflow} title="No automations" />
        ) : (
          <table className="w-full text-left text-sm" data-testid="automations-table">
            <thead className={theadClass}>
              <tr><th className={th}>Automation</th><th className={th}>Trigger</th><th className={th}>Status</th><th className={`${th} text-right`}>Runs</th><th className={th}>Last run</th></tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {automations.map((a) => (
                <tr key={a.id} data-automation-id={a.id}>
                  <td className="px-4 py-3 font-medium text-zinc-900">{a.name}</td>
                  <td className="px-4 py-3 text-zinc-600">
                    {TRIGGER[a.trigger]}
                    <span className="block text-xs text-zinc-500">{a.segmentName ? `Segment: ${a.segmentName}` : a.entityName ? `Entity: ${a.entityName}` : a.status === "DETACHED" ? "Its segment was deleted" : ""}</span>
                  </td>
                  <td className="px-4 py-3"><Badge tone={STATUS_TONE[a.status]}>{a.status.charAt(0) + a.status.slice(1).toLowerCase()}</Badge></td>
                  <td className="px-4 py-3 text-right tabular-nums">{a.runCount.toLocaleString("en-US")}</td>
                  <td className="px-4 py-3 text-zinc-500" suppressHydrationWarning>
                    {a.recentRuns[0] ? `${formatDistanceToNowStrict(new Date(a.recentRuns[0].createdAt), { addSuffix: true })} · ${a.recentRuns[0].event}` : "Never"}
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
