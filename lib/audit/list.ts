import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/actor";
import { db, selectRows } from "@/lib/db/client";
import { beyond, cutPage, readOrder } from "@/lib/pagination/keyset";
import { assertCan } from "@/lib/permissions";
import type { AuditFilter, ListAuditInput } from "./schemas";

export interface AuditRow {
  id: string;
  action: string;
  door: string;
  actor: { name: string; email: string } | null;
  /** The API key a call through the API used. */
  apiKey: { name: string; keyId: string } | null;
  count: number;
  targetIds: string[];
  details: Record<string, unknown>;
  createdAt: string;
}

export interface AuditPage {
  items: AuditRow[];
  nextCursor: string | null;
  prevCursor: string | null;
}

const DAY = 86_400_000;

/** At most this many entries answer a search by record name or id (newest first). */
const SEARCH_CAP = 10_000;

/**
 * Entries about a record, by its exact id or part of its name. The names are in the entry
 * (every name of a delete batch, the one name of a purge), so a purged record is found too.
 */
async function searchAuditIds(actor: Actor, q: string): Promise<string[]> {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await selectRows<{ id: string }[]>`
    SELECT id FROM "AuditLog"
    WHERE "workspaceId" = ${actor.workspaceId}
      AND (${q} = ANY("targetIds") OR EXISTS (
        SELECT 1 FROM jsonb_array_elements_text(
          CASE WHEN jsonb_typeof(details->'names') = 'array' THEN details->'names' ELSE '[]'::jsonb END
        ) AS n(name) WHERE n.name ILIKE ${like}))
    ORDER BY "createdAt" DESC LIMIT ${SEARCH_CAP}`;
  return rows.map((r) => r.id);
}

/** The where clause of an audit filter, with its search (if any) resolved to entry ids. */
export async function auditWhereSearched(actor: Actor, filter: AuditFilter): Promise<Prisma.AuditLogWhereInput> {
  const where = auditWhere(actor, filter);
  return filter.q ? { AND: [where, { id: { in: await searchAuditIds(actor, filter.q) } }] } : where;
}

/** The workspace's entries an audit filter keeps; the list and the CSV export share it. */
export function auditWhere(actor: Actor, filter: AuditFilter): Prisma.AuditLogWhereInput {
  assertCan(actor, "audit.read");
  return {
    AND: [
      { workspaceId: actor.workspaceId },
      filter.action ? { action: { startsWith: filter.action } } : {},
      filter.actor ? { actorId: filter.actor } : {},
      filter.door ? { door: filter.door } : {},
      filter.from ? { createdAt: { gte: new Date(`${filter.from}T00:00:00.000Z`) } } : {},
      // "to" is the last day shown, whole.
      filter.to ? { createdAt: { lt: new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + DAY) } } : {},
    ],
  };
}

export const auditRowSelect = {
  id: true,
  action: true,
  door: true,
  count: true,
  targetIds: true,
  details: true,
  createdAt: true,
  actor: { select: { name: true, email: true } },
  apiKey: { select: { name: true, keyId: true } },
} as const satisfies Prisma.AuditLogSelect;

export const toAuditRow = (r: Prisma.AuditLogGetPayload<{ select: typeof auditRowSelect }>): AuditRow => ({
  ...r,
  details: (r.details ?? {}) as Record<string, unknown>,
  createdAt: r.createdAt.toISOString(),
});

/** The workspace's audit log, newest first, paged both ways by (createdAt, id): entries of one instant are never skipped. */
export async function listAuditLog(actor: Actor, input: ListAuditInput): Promise<AuditPage> {
  const where = await auditWhereSearched(actor, input);
  const read = readOrder("desc", input.direction);
  const rows = await db().auditLog.findMany({
    where: input.cursor ? { AND: [where, beyond("createdAt", input.cursor, "desc", input.direction)] } : where,
    orderBy: [{ createdAt: read }, { id: read }],
    take: input.limit + 1,
    select: auditRowSelect,
  });
  const page = cutPage(rows, input, (r) => ({ at: r.createdAt, id: r.id }));
  return { items: page.items.map(toAuditRow), nextCursor: page.nextCursor, prevCursor: page.prevCursor };
}
