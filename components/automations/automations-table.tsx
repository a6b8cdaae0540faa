"use client";

import { clsx } from "clsx";
import { ChevronDown, ChevronRight, Unlink } from "lucide-react";
import Link from "next/link";
import { Fragment, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { th, theadClass } from "@/components/ui/card";
import type { AutomationRow } from "@/lib/automations/list";
import { AttachAutomation, type SegmentChoice } from "./attach-automation";
import { AutomationRuns } from "./automation-runs";
import { LocalTime } from "@/components/ui/local-time";

const STATUS_TONE = { ACTIVE: "green", PAUSED: "amber", DETACHED: "zinc" } as const;
const STATUS_LABEL = { ACTIVE: "Active", PAUSED: "Paused", DETACHED: "Detached" } as const;
const TRIGGER = {
  RECORD_DELETED: "When a record is deleted",
  RECORD_CREATED: "When a record is created",
  SEGMENT_ENTERED: "When a record enters a segment",
} as const;

function Target({ a }: { a: AutomationRow }) {
  if (a.segment) {
    return (
      <>
        Segment:{" "}
        <Link href={`/segments/${a.segment.id}`} className="text-zinc-700 hover:text-brand-700 hover:underline">
          {a.segment.name}
        </Link>
      </>
    );
  }
  if (a.status === "DETACHED") {
    const when = a.detachedAt ? (
      <>
        {" "}
        on <LocalTime value={a.detachedAt} style="date" />
      </>
    ) : (
      ""
    );
    return (
      <>
        {a.detachedFromSegment ? (
          <>
            Segment “{a.detachedFromSegment}” was deleted{when}
          </>
        ) : (
          <>Its segment was deleted{when}</>
        )}
      </>
    );
  }
  return <>{a.entityName ? `Entity: ${a.entityName}` : ""}</>;
}

export function AutomationsTable({
  automations,
  segments = [],
  canAttach = false,
}: {
  automations: AutomationRow[];
  /** Segments a detached automation may be attached to, with their record type. */
  segments?: (SegmentChoice & { entityId: string })[];
  canAttach?: boolean;
}) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <table className="w-full text-left text-sm" data-testid="automations-table">
      <thead className={theadClass}>
        <tr>
          <th className={`${th} w-10`}>
            <span className="sr-only">Runs</span>
          </th>
          <th className={th}>Automation</th>
          <th className={th}>Trigger</th>
          <th className={th}>Status</th>
          <th className={`${th} text-right`}>Runs</th>
          <th className={th}>Last run</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">
        {automations.map((a) => {
          const expanded = open.has(a.id);
          const detached = a.status === "DETACHED";
          const last = a.recentRuns[0];
          return (
            <Fragment key={a.id}>
              <tr data-automation-id={a.id} className={clsx(detached && "bg-zinc-50/70")}>
                <td className="py-3 pl-3">
                  <button
                    type="button"
                    onClick={() => toggle(a.id)}
                    aria-expanded={expanded}
                    aria-controls={`runs-${a.id}`}
                    aria-label={`${expanded ? "Hide" : "Show"} recent runs of ${a.name}`}
                    className="rounded-md p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
                  >
                    {expanded ? (
                      <ChevronDown className="size-4" aria-hidden />
                    ) : (
                      <ChevronRight className="size-4" aria-hidden />
                    )}
                  </button>
                </td>
                <td className="px-4 py-3">
                  <p className={clsx("font-medium", detached ? "text-zinc-500" : "text-zinc-900")}>{a.name}</p>
                  {detached && (
                    <p className="mt-0.5 text-xs text-zinc-500">
                      Stopped: it will not run again{canAttach ? " unless attached to another segment" : ""}.
                    </p>
                  )}
                  {detached && canAttach && (
                    <AttachAutomation
                      automation={a}
                      segments={segments.filter((s) => !a.entityId || s.entityId === a.entityId)}
                    />
                  )}
                </td>
                <td className="px-4 py-3 text-zinc-600">
                  {TRIGGER[a.trigger]}
                  <span className="block text-xs text-zinc-500">
                    <Target a={a} />
                  </span>
                </td>
                <td className="px-4 py-3">
                  <Badge
                    tone={STATUS_TONE[a.status]}
                    title={detached ? "Its segment was deleted, so nothing can trigger it any more." : undefined}
                  >
                    {detached && <Unlink className="size-3" aria-hidden />}
                    {STATUS_LABEL[a.status]}
                  </Badge>
                </td>
                <td className="px-4 py-3 text-right tabular-nums">{a.runCount.toLocaleString("en-US")}</td>
                <td className="whitespace-nowrap px-4 py-3 text-zinc-500">
                  {last ? <LocalTime value={last.createdAt} style="relative" prefix={`${last.event} · `} /> : "Never"}
                </td>
              </tr>
              {expanded && (
                <tr id={`runs-${a.id}`} className="bg-zinc-50/60">
                  <td />
                  <td colSpan={5} className="px-4 pb-4 pt-1">
                    <p className="mb-2 text-xs font-medium uppercase tracking-wide text-zinc-500">Recent runs</p>
                    <AutomationRuns runs={a.recentRuns} total={a.runCount} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
