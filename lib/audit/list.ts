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

export async function listAuditLog(actor: Actor, input: { before?: string; action?: string; limit?: number } = {}) {
  assertCan(actor, "audit.read");
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const before = input.before ? new Date(input.before) : null;
  const rows = await db().auditLog.findMany({
    where: {
      workspaceId: actor.workspaceId,
      ...(input.action ? { action: { startsWith: input.action } } : {}),
      ...(before && !Number.isNaN(before.getTime()) ? { createdAt: { lt: before } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, action: true, door: true, count: true, targetIds: true, details: true, createdAt: true, actor: { select: { name: true, email: true } } },
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((r): AuditRow => ({ ...r, details: (r.details ?? {}) as Record<string, unknown>, createdAt: r.createdAt.toISOString() })),
    nextBefore: rows.length > limit ? page[page.length - 1]!.createdAt.toISOString() : null,
  };
}
