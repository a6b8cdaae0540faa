import type { Metadata } from "next";
import { History } from "lucide-react";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AUDIT_ACTION_LABELS, AUDIT_REASON_LABELS } from "@/components/audit-labels";
import { AuditBatchActions } from "@/components/audit/audit-batch-actions";
import { Badge } from "@/components/ui/badge";
import { Card, th, theadClass } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pager, pageHref } from "@/components/ui/pager";
import { listAuditLog } from "@/lib/audit/list";
import { listAuditSchema } from "@/lib/audit/schemas";
import { parsePageQuery } from "@/lib/doors/page-query";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { listMembers } from "@/lib/workspace";
import { LocalTime } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "Audit log" };

const DOOR_TONE = { UI: "brand", API: "blue", JOB: "amber", CLI: "zinc" } as const;

function describe(details: Record<string, unknown>): string {
  const names = Array.isArray(details.names) ? (details.names as string[]) : [];
  const parts: string[] = [];
  if (names.length)
    parts.push(names.slice(0, 3).join(", ") + (names.length > 3 ? ` and ${names.length - 3} more` : ""));
  if (typeof details.chunk === "string" && details.chunk !== "1/1") parts.push(`part ${details.chunk}`);
  if (typeof details.reason === "string") parts.push(AUDIT_REASON_LABELS[details.reason] ?? details.reason);
  if (typeof details.failed === "number" && details.failed > 0) parts.push(`${details.failed} failed`);
  return parts.join(" · ");
}

type Query = {
  cursor?: string;
  dir?: string;
  actor?: string;
  action?: string;
  door?: string;
  from?: string;
  to?: string;
  q?: string;
};

export default async function AuditPage({ searchParams }: { searchParams: Promise<Query> }) {
  const actor = await requireActor("/audit");
  const sp = await searchParams;
  const { input, kept } = parsePageQuery(listAuditSchema, {
    actor: sp.actor,
    action: sp.action,
    door: sp.door,
    from: sp.from,
    to: sp.to,
    q: sp.q,
    cursor: sp.cursor,
    direction: sp.dir,
  });
  const canRestore = can(actor, "records.restore.own");
  const [{ items, nextCursor, prevCursor }, members] = await Promise.all([
    listAuditLog(actor, input),
    listMembers(actor),
  ]);
  // The view's filters as the URL keeps them (what did not parse is dropped), for page links and the export.
  const { cursor: _cursor, direction: _direction, ...view } = kept;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what to which records, when, and through which door (dashboard, API or background job)."
      />
      <AuditFilters
        members={members}
        current={view}
        exportHref={`/api/app/audit/export?${new URLSearchParams(view)}`}
      />
      <Card>
        {items.length === 0 ? (
          <EmptyState
            icon={History}
            title={Object.keys(view).length ? "No entries match these filters" : "Nothing recorded yet"}
          />
        ) : (
          <table className="w-full text-left text-sm" data-testid="audit-table">
            <thead className={theadClass}>
              <tr>
                <th className={th}>When</th>
                <th className={th}>Who</th>
                <th className={th}>What</th>
                <th className={`${th} text-right`}>Records</th>
                <th className={th}>Details</th>
                <th className={th}>Via</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {items.map((e) => (
                <tr key={e.id}>
                  <td className="whitespace-nowrap px-4 py-2.5 text-zinc-500">
                    <LocalTime value={e.createdAt} style="seconds" />
                  </td>
                  <td className="whitespace-nowrap px-4 py-2.5 text-zinc-800">
                    {e.actor?.name ?? (e.door === "JOB" ? "Retention job" : "—")}
                  </td>
                  <td className="whitespace-nowrap px-4 py-2.5 font-medium text-zinc-900" data-action={e.action}>
                    {AUDIT_ACTION_LABELS[e.action] ?? e.action}
                  </td>
                  <td className="px-4 py-2.5 text-right tabular-nums">{e.count.toLocaleString("en-US")}</td>
                  <td className="max-w-md px-4 py-2.5 text-zinc-600" title={e.targetIds.slice(0, 20).join(", ")}>
                    {describe(e.details)}
                    {e.action === "records.delete" && typeof e.details.batchId === "string" && (
                      <AuditBatchActions batchId={e.details.batchId} count={e.count} canRestore={canRestore} />
                    )}
                  </td>
                  <td className="px-4 py-2.5">
                    <Badge tone={DOOR_TONE[e.door as keyof typeof DOOR_TONE] ?? "zinc"}>{e.door}</Badge>
                    {e.apiKey && (
                      <span className="ml-1.5 whitespace-nowrap text-xs text-zinc-500" title={e.apiKey.keyId}>
                        {e.apiKey.name}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager
          summary="Newest first · 50 per page"
          labels={["Newer", "Older"]}
          prevHref={pageHref("/audit", view, prevCursor, "prev")}
          nextHref={pageHref("/audit", view, nextCursor, "next")}
        />
      </Card>
    </>
  );
}
