import type { Actor } from "@/lib/actor";
import { allRows, EXPORT_PAGE, type ExportTable } from "@/lib/export/table";
import { auditWhere, listAuditLog, type AuditRow } from "./list";
import type { AuditFilter } from "./schemas";

// Details most entries carry get a column of their own; the rest go to `otherDetails` as
// "key: value" pairs people can read in a spreadsheet.
const DETAIL_COLUMNS = ["batchId", "chunk", "email", "role", "from", "to"] as const;
const PER_RECORD = new Set<string>(["names", ...DETAIL_COLUMNS]);
const COLUMNS = [
  "createdAt",
  "action",
  "door",
  "actorName",
  "actorEmail",
  "apiKey",
  "entryCount",
  "recordId",
  "recordName",
  ...DETAIL_COLUMNS,
  "otherDetails",
];

const text = (value: unknown): string =>
  value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);

/** What is left of an entry's details once each has its column: "failed: 0; workflows: true". */
function otherDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([key]) => !PER_RECORD.has(key))
    .map(([key, value]) => `${key}: ${text(value)}`)
    .join("; ");
}

/**
 * One row per record an entry names (an entry naming none still gets one row), so a batch of
 * 1,000 reads as 1,000 rows, each with its record's id and name (the names are in the entry,
 * so they survive a purge).
 */
function rowsOf(e: AuditRow): unknown[][] {
  const names = Array.isArray(e.details.names) ? (e.details.names as unknown[]) : [];
  const shared = [
    e.createdAt,
    e.action,
    e.door,
    e.actor?.name ?? "",
    e.actor?.email ?? "",
    e.apiKey?.keyId ?? "",
    e.count,
  ];
  const detail = [...DETAIL_COLUMNS.map((c) => text(e.details[c])), otherDetails(e.details)];
  const targets = e.targetIds.length ? e.targetIds : [""];
  return targets.map((id, i) => [
    ...shared,
    id,
    text(names[i] ?? (targets.length === 1 ? e.details.name : "")),
    ...detail,
  ]);
}

/** A filtered audit view as a table, newest first, read a page at a time (VIEWER+, like the log). */
export async function exportAuditLog(actor: Actor, filter: AuditFilter, now: Date): Promise<ExportTable> {
  auditWhere(actor, filter); // refuses before the response starts
  const entries = allRows((cursor) =>
    listAuditLog(actor, { ...filter, cursor, direction: "next", limit: EXPORT_PAGE }),
  );
  async function* rows() {
    for await (const e of entries) yield* rowsOf(e);
  }
  return { name: `audit-log-${now.toISOString().slice(0, 10)}`, columns: COLUMNS, rows: rows() };
}
