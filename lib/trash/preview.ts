import type { Actor } from "@/lib/actor";
import { Prisma } from "@/generated/prisma/client";
import { db, selectRows } from "@/lib/db/client";
import { sqlMillis } from "@/lib/db/sql-time";
import { notFound } from "@/lib/errors";
import { assertCan, can, canRestoreRecord } from "@/lib/permissions";
import { retentionFor } from "@/lib/purge/retention";
import { timeLeft, type Urgency } from "@/lib/universal/retention";
import { loadRecordDetail, recordRef, type RecordDetail } from "@/lib/records/get";
import { trashedRecords } from "@/lib/records/live";

export interface TrashedRecordDetail extends RecordDetail {
  trash: {
    deletedAt: string;
    deletedBy: string | null;
    purgeAt: string;
    /** The countdown's words at `now` ("13 days left"), as the trash list shows them. */
    timeLeft: string;
    urgency: Urgency;
    heldAt: string | null;
    heldBy: string | null;
  };
  /** What the caller may do here (the server checks each again when it is done). */
  can: { restore: true; hold: boolean; destroy: boolean };
}

/**
 * The id of a trashed record the caller may preview — exactly those they may restore — or
 * null: unknown, live, another workspace's, or someone else's deletion for a MEMBER.
 */
export async function previewableTrashedId(actor: Actor, { id }: { id: string }): Promise<string | null> {
  if (!can(actor, "records.restore.own")) return null;
  const row = await db().record.findFirst({
    where: trashedRecords(actor.workspaceId, recordRef(id)),
    select: { id: true, deletedById: true },
  });
  return row && canRestoreRecord(actor, row) ? row.id : null;
}

export interface TrashedElsewhere {
  name: string;
  entity: { slug: string; name: string };
  deletedBy: string | null;
}

/**
 * For someone who may read the workspace's records but not preview this trashed one (a MEMBER
 * opening a colleague's deletion, a VIEWER): that it is in the trash, who deleted it, and that
 * an admin can restore it. Only this workspace's records: another workspace's id stays unknown.
 */
export async function trashedRecordNotice(actor: Actor, { id }: { id: string }): Promise<TrashedElsewhere | null> {
  if (!can(actor, "records.read")) return null;
  const row = await db().record.findFirst({
    where: trashedRecords(actor.workspaceId, recordRef(id)),
    select: {
      name: true,
      entity: { select: { slug: true, name: true } },
      deletedBy: { select: { name: true } },
    },
  });
  return row && { name: row.name, entity: row.entity, deletedBy: row.deletedBy?.name ?? null };
}

/**
 * A trashed record as it was, read-only: attributes, notes, activity, subform rows and
 * relations (to live and trashed records alike, each marked), with its countdown.
 * MEMBER+ (a MEMBER: only what they deleted); anything else answers like an unknown id.
 */
export async function getTrashedRecord(actor: Actor, { id }: { id: string }, now: Date): Promise<TrashedRecordDetail> {
  assertCan(actor, "records.restore.own");
  const found = await previewableTrashedId(actor, { id });
  if (!found) throw notFound();
  const [detail, [trash], retention] = await Promise.all([
    loadRecordDetail(actor.workspaceId, "trashed", found, "any"),
    // One plain statement (the ORM read the record and each of its two people with one each).
    selectRows<
      { deletedAtMs: number | null; heldAtMs: number | null; deletedBy: string | null; heldBy: string | null }[]
    >`
      SELECT ${sqlMillis(Prisma.raw('r."deletedAt"'))} AS "deletedAtMs", ${sqlMillis(Prisma.raw('r."heldAt"'))} AS "heldAtMs",
             d.name AS "deletedBy", h.name AS "heldBy"
      FROM "Record" r LEFT JOIN "User" d ON d.id = r."deletedById" LEFT JOIN "User" h ON h.id = r."heldById"
      WHERE r.id = ${found} AND r."workspaceId" = ${actor.workspaceId}`,
    retentionFor(actor.workspaceId),
  ]);
  // Restored or purged between the two reads.
  if (!detail || !trash || trash.deletedAtMs === null) throw notFound();
  const deletedAt = new Date(trash.deletedAtMs);
  const purge = retention.purgeAt(deletedAt);
  const left = timeLeft(purge, now);
  return {
    ...detail,
    trash: {
      deletedAt: deletedAt.toISOString(),
      deletedBy: trash.deletedBy,
      purgeAt: purge.toISOString(),
      timeLeft: left.label,
      urgency: left.urgency,
      heldAt: trash.heldAtMs === null ? null : new Date(trash.heldAtMs).toISOString(),
      heldBy: trash.heldBy,
    },
    can: { restore: true, hold: can(actor, "trash.hold"), destroy: can(actor, "records.destroy") },
  };
}
