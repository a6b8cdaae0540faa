import type { Actor } from "@/lib/actor";
import { allRows, EXPORT_PAGE, type ExportTable } from "@/lib/export/table";
import { auditWhere, listAuditLog } from "./list";
import type { AuditFilter } from "./schemas";

const COLUMNS = ["createdAt", "action", "door", "actorName", "actorEmail", "apiKey", "count", "targetIds", "details"];

/** A filtered audit view as a table, newest first, read a page at a time (VIEWER+, like the log). */
export async function exportAuditLog(actor: Actor, filter: AuditFilter, now: Date): Promise<ExportTable> {
  auditWhere(actor, filter); // refuses before the response starts
  const entries = allRows((cursor) =>
    listAuditLog(actor, { ...filter, cursor, direction: "next", limit: EXPORT_PAGE }),
  );
  async function* rows() {
    for await (const e of entries) {
      yield [
        e.createdAt,
        e.action,
        e.door,
        e.actor?.name ?? "",
        e.actor?.email ?? "",
        e.apiKey?.keyId ?? "",
        e.count,
        e.targetIds.join(" "),
        JSON.stringify(e.details),
      ];
    }
  }
  return { name: `audit-log-${now.toISOString().slice(0, 10)}`, columns: COLUMNS, rows: rows() };
}
