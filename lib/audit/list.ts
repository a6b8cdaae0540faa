import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/permissions";

export interface AuditRow {
  id: string;
  action: string;
  door: string;
  actor: { name: string; email: string } | null;
  count: number;
  targetIds: string[];
  details: Record<string, unknown>;
  createdAt: string;
}

/** Position of the last entry shown: "ISO|id", so entries sharing a millisecond are never skipped. */
function parseBefore(before: string | undefined): Prisma.AuditLogWhereInput {
  const [iso, id] = (before ?? "").split("|");
  const at = new Date(iso ?? "");
  if (!id || Number.isNaN(at.getTime())) return {};
  return { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }] };
}

export async function listAuditLog(actor: Actor, input: { before?: string; action?: string; limit?: number } = {}) {
  assertCan(actor, "audit.read");
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const rows = await db().auditLog.findMany({
    where: {
      workspaceId: actor.workspaceId,
      ...(input.action ? { action: { startsWith: input.action } } : {}),
      ...parseBefore(input.before),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, action: true, door: true, count: true, targetIds: true, details: true, createdAt: true, actor: { select: { name: true, email: true } } },
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((r): AuditRow => ({ ...r, details: (r.details ?? {}) as Record<string, unknown>, createdAt: r.createdAt.toISOString() })),
    nextBefore: rows.length > limit ? `${page[page.length - 1]!.createdAt.toISOString()}|${page[page.length - 1]!.id}` : null,
  };
}
