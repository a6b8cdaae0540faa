import { AUDIT_ACTION_LABELS } from "@/components/audit-labels";
import { Card } from "@/components/ui/card";
import type { AuditRow } from "@/lib/audit/list";
import { LocalTime } from "@/components/ui/local-time";

/** "Moved to trash by Maya on …, restored by Adam on …": the audit entries that name one record. */
export function RecordHistory({ entries }: { entries: AuditRow[] }) {
  return (
    <Card title="History">
      {entries.length === 0 ? (
        <p className="px-5 py-4 text-sm text-zinc-500">No deletions or restores recorded.</p>
      ) : (
        <ol className="divide-y divide-zinc-100" data-testid="record-history">
          {entries.map((e) => (
            <li key={e.id} className="px-5 py-3 text-sm" data-action={e.action}>
              <p className="text-zinc-800">
                <span className="font-medium">{AUDIT_ACTION_LABELS[e.action] ?? e.action}</span> by{" "}
                {e.actor?.name ?? (e.door === "JOB" ? "the retention job" : "someone")}
                {e.door !== "UI" && <span className="text-zinc-500"> via {e.door}</span>}
              </p>
              <p className="text-xs text-zinc-500">
                <LocalTime value={e.createdAt} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
