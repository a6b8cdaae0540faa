import { cache } from "react";
import { z } from "zod";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit/write";
import { db, selectRows } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { transaction } from "@/lib/db/tx";
import { assertCan } from "@/lib/permissions";
import { retentionFor, retentionOfDays } from "@/lib/purge/retention";
import { trashedRecords } from "@/lib/records/live";

export interface WorkspaceSummary {
  id: string;
  name: string;
  retentionDays: number;
}

/** Per request (the layout and the page both read it). */
export const getWorkspaceSummary = cache(async (actor: Actor): Promise<WorkspaceSummary> => {
  // A plain statement: every page reads it, and an ORM read costs the server two to three times
  // the CPU of the same statement sent as it is (it compiles the query first).
  const [workspace] = await selectRows<WorkspaceSummary[]>`
    SELECT id, name, "retentionDays" FROM "Workspace" WHERE id = ${actor.workspaceId}`;
  if (!workspace) throw notFound("Workspace");
  return workspace;
});

export async function listMembers(actor: Actor) {
  const members = await db().membership.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: [{ createdAt: "asc" }],
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return members.map((m) => ({ ...m.user, role: m.role, joinedAt: m.createdAt.toISOString() }));
}

export const retentionSchema = z.object({
  retentionDays: z.coerce.number().int("Whole days only").min(1, "At least 1 day").max(365, "At most 365 days"),
});

/** OWNER only. Changing retention moves every trashed record's purge time with it. */
export async function updateRetention(actor: Actor, { retentionDays }: { retentionDays: number }) {
  assertCan(actor, "workspace.settings.update");
  return transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: { id: actor.workspaceId },
      select: { retentionDays: true },
    });
    await tx.workspace.update({ where: { id: actor.workspaceId }, data: { retentionDays } });
    await writeAudit(tx, actor, {
      action: "workspace.retention",
      targetIds: [],
      details: { from: before.retentionDays, to: retentionDays },
    });
    return { retentionDays };
  });
}

export interface RetentionImpact {
  current: number;
  retentionDays: number;
  /** Trashed records, not on hold, whose purge time under the new setting has already passed. */
  dueNow: number;
  /** Of the rest, those whose purge time comes within the next 24 hours. */
  dueWithin24h: number;
  /** Records on hold that the new setting would make due: they are kept until released. */
  heldKept: number;
}

const DAY_MS = 86_400_000;

/**
 * What a new retention would do before it is saved (the settings form asks to confirm a shorter
 * one): how many trashed records become due for purge at once and within a day, and how many
 * of those are on hold and stay.
 */
export async function retentionImpact(
  actor: Actor,
  { retentionDays }: { retentionDays: number },
  now: Date,
): Promise<RetentionImpact> {
  assertCan(actor, "workspace.settings.update");
  const current = (await retentionFor(actor.workspaceId)).days;
  const next = retentionOfDays(retentionDays);
  const dueBy = (at: Date, held: boolean) =>
    db().record.count({
      where: trashedRecords(actor.workspaceId, {
        deletedAt: { lte: next.cutoff(at) },
        heldAt: held ? { not: null } : null,
      }),
    });
  const [dueNow, dueInADay, heldKept] = await Promise.all([
    dueBy(now, false),
    dueBy(new Date(now.getTime() + DAY_MS), false),
    dueBy(now, true),
  ]);
  return { current, retentionDays, dueNow, dueWithin24h: dueInADay - dueNow, heldKept };
}
