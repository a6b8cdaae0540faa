import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/actor";
import { selectRows } from "@/lib/db/client";
import { sqlMillis } from "@/lib/db/sql-time";
import { assertCan } from "@/lib/permissions";
import type { AuditRow } from "./list";

/** How many of a record's entries its page shows (the newest ones). */
export const RECORD_HISTORY_LIMIT = 50;

/**
 * A record's own history, oldest first: every entry whose targets name it ("deleted by Maya,
 * restored by Adam"). Served by the GIN index on AuditLog.targetIds.
 */
export async function listRecordHistory(actor: Actor, { id }: { id: string }): Promise<AuditRow[]> {
  assertCan(actor, "audit.read");
  // One plain statement on every record page: the ORM read the entries, their people and their
  // keys with three. Rows as the audit log's own list gives them (lib/audit/export.test.ts).
  const rows = await selectRows<(Omit<AuditRow, "createdAt"> & { createdAtMs: number })[]>`
    SELECT l.id, l.action, l.door::text AS door, l.count, l."targetIds", l.details,
           ${sqlMillis(Prisma.raw('l."createdAt"'))} AS "createdAtMs",
           CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('name', u.name, 'email', u.email) END AS actor,
           CASE WHEN k.id IS NULL THEN NULL ELSE json_build_object('name', k.name, 'keyId', k."keyId") END AS "apiKey"
    FROM "AuditLog" l
    LEFT JOIN "User" u ON u.id = l."actorId"
    LEFT JOIN "ApiKey" k ON k.id = l."apiKeyId"
    WHERE l."workspaceId" = ${actor.workspaceId} AND l."targetIds" @> ARRAY[${id}]::text[]
    ORDER BY l."createdAt" DESC, l.id DESC
    LIMIT ${RECORD_HISTORY_LIMIT}`;
  return rows.reverse().map(({ createdAtMs, ...r }) => ({
    ...r,
    details: r.details ?? {},
    createdAt: new Date(createdAtMs).toISOString(),
  }));
}
