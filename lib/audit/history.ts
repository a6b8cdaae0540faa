import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/permissions";
import { auditRowSelect, toAuditRow, type AuditRow } from "./list";

/** How many of a record's entries its page shows (the newest ones). */
export const RECORD_HISTORY_LIMIT = 50;

/**
 * A record's own history, oldest first: every entry whose targets name it ("deleted by Maya,
 * restored by Adam"). Served by the GIN index on AuditLog.targetIds.
 */
export async function listRecordHistory(actor: Actor, { id }: { id: string }): Promise<AuditRow[]> {
  assertCan(actor, "audit.read");
  const rows = await db().auditLog.findMany({
    where: { workspaceId: actor.workspaceId, targetIds: { hasEvery: [id] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: RECORD_HISTORY_LIMIT,
    select: auditRowSelect,
  });
  return rows.reverse().map(toAuditRow);
}
