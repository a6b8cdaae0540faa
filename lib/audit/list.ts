import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { beyond, cutPage, readOrder } from "@/lib/pagination/keyset";
import { assertCan } from "@/lib/permissions";
import type { ListAuditInput } from "./schemas";

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

/** The workspace's audit log, newest first, paged both ways by (createdAt, id): entries of one instant are never skipped. */
export async function listAuditLog(actor: Actor, input: ListAuditInput): Promise<AuditPage> {
  assertCan(actor, "audit.read");
  const read = readOrder("desc", input.direction);
  const rows = await db().auditLog.findMany({
    where: {
      AND: [
        { workspaceId: actor.workspaceId },
        input.action ? { action: { startsWith: input.action } } : {},
        input.cursor ? beyond("createdAt", input.cursor, "desc", input.direction) : {},
      ],
    },
    orderBy: [{ createdAt: read }, { id: read }],
    take: input.limit + 1,
    select: { id: true, action: true, door: true, count: true, targetIds: true, details: true, createdAt: true, actor: { select: { name: true, email: true } }, apiKey: { select: { name: true, keyId: true } } },
  });
  const page = cutPage(rows, input, (r) => ({ at: r.createdAt, id: r.id }));
  return {
    items: page.items.map((r) => ({ ...r, details: (r.details ?? {}) as Record<string, unknown>, createdAt: r.createdAt.toISOString() })),
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
  };
}
