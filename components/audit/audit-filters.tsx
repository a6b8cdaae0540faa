"use client";

import { Download } from "lucide-react";
import { AUDIT_ACTION_LABELS } from "@/components/audit-labels";
import { SearchBox } from "@/components/records/search-box";
import { buttonClass } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { useUrlParams } from "@/components/ui/use-url-params";

const DOOR_LABELS = { UI: "Dashboard", API: "API", JOB: "Background job", CLI: "Command line" } as const;
const dateClass =
  "h-9 rounded-lg border border-zinc-300 bg-white px-3 text-sm shadow-xs focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none";

interface Props {
  members: { id: string; name: string }[];
  current: { actor?: string; action?: string; door?: string; from?: string; to?: string; q?: string };
  /** The CSV of exactly this view. */
  exportHref: string;
}

/** Who, what, which door and which days: each kept in the URL, so a view can be reloaded and shared. */
export function AuditFilters({ members, current, exportHref }: Props) {
  const setParams = useUrlParams();
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3">
      <div className="min-w-0 flex-1 basis-full sm:min-w-64 sm:basis-auto">
        <SearchBox
          initial={current.q ?? ""}
          placeholder="Record name or id — purged ones too"
          label="Search the audit log"
        />
      </div>
      <Select
        aria-label="Who"
        value={current.actor ?? ""}
        onChange={(e) => setParams({ actor: e.target.value || undefined })}
      >
        <option value="">Anyone</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </Select>
      <Select
        aria-label="What"
        value={current.action ?? ""}
        onChange={(e) => setParams({ action: e.target.value || undefined })}
      >
        <option value="">Any action</option>
        {Object.entries(AUDIT_ACTION_LABELS).map(([action, label]) => (
          <option key={action} value={action}>
            {label}
          </option>
        ))}
      </Select>
      <Select
        aria-label="Via"
        value={current.door ?? ""}
        onChange={(e) => setParams({ door: e.target.value || undefined })}
      >
        <option value="">Any door</option>
        {Object.entries(DOOR_LABELS).map(([door, label]) => (
          <option key={door} value={door}>
            {label}
          </option>
        ))}
      </Select>
      <label className="flex items-center gap-2 text-sm text-zinc-600">
        From{" "}
        <input
          type="date"
          className={dateClass}
          value={current.from ?? ""}
          max={current.to}
          onChange={(e) => setParams({ from: e.target.value || undefined })}
        />
      </label>
      <label className="flex items-center gap-2 text-sm text-zinc-600">
        To{" "}
        <input
          type="date"
          className={dateClass}
          value={current.to ?? ""}
          min={current.from}
          onChange={(e) => setParams({ to: e.target.value || undefined })}
        />
      </label>
      <a href={exportHref} download className={buttonClass("secondary", "md", "ml-auto")} data-testid="audit-export">
        <Download className="size-4" aria-hidden /> Export CSV
      </a>
    </div>
  );
}
