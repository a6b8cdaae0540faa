import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { AutomationRunRow } from "@/lib/automations/list";
import { LocalTime } from "@/components/ui/local-time";

const DOOR = { UI: "Dashboard", API: "API", JOB: "Scheduled job", CLI: "Command line" } as Record<string, string>;

function RunRecord({ record }: { record: AutomationRunRow["record"] }) {
  if (!record) return <span className="text-zinc-400">No record</span>;
  if (!record.name)
    return (
      <span className="text-zinc-500" title={`Record ${record.id}`}>
        A record since erased
      </span>
    );
  if (record.inTrash || !record.entitySlug) {
    return (
      <span className="text-zinc-700">
        {record.name} <Badge className="ml-1">In trash</Badge>
      </span>
    );
  }
  return (
    <Link
      href={`/records/${record.entitySlug}/${record.id}`}
      className="font-medium text-zinc-900 hover:text-brand-700 hover:underline"
    >
      {record.name}
    </Link>
  );
}

/** The latest runs of one automation: what fired, for which record, through which door, when. */
export function AutomationRuns({ runs, total }: { runs: AutomationRunRow[]; total: number }) {
  if (runs.length === 0) return <p className="text-sm text-zinc-500">It has not run yet.</p>;
  return (
    <div>
      <ol className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white" data-testid="automation-runs">
        {runs.map((run) => (
          <li key={run.id} className="grid grid-cols-[9rem_1fr_8rem_10rem] items-center gap-4 px-3 py-2 text-sm">
            <span>
              <Badge tone={run.event === "segment.entered" ? "blue" : "zinc"} className="font-mono">
                {run.event}
              </Badge>
            </span>
            <span className="min-w-0 truncate">
              <RunRecord record={run.record} />
            </span>
            <span className="text-zinc-500">{DOOR[run.door] ?? run.door}</span>
            <LocalTime value={run.createdAt} style="relative" className="text-right text-zinc-500" />
          </li>
        ))}
      </ol>
      {total > runs.length && (
        <p className="mt-2 text-xs text-zinc-500">
          The latest {runs.length} of {total.toLocaleString("en-US")} runs.
        </p>
      )}
    </div>
  );
}
