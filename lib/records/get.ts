import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { LIVE, liveRecords } from "./live";
import { isRecordNumber } from "./refs";

export interface RelatedRecord {
  id: string;
  name: string;
  entitySlug: string;
  entityName: string;
  /** The other end is itself in the trash (only a trashed record's preview lists those). */
  trashed: boolean;
}

export interface RecordDetail {
  id: string;
  /** The numeric id, as digits. */
  recordNumber: string;
  name: string;
  entity: { id: string; slug: string; name: string };
  phoneNumber: string | null;
  externalProvider: string | null;
  externalId: string | null;
  attributes: Record<string, unknown>;
  owner: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  notes: { id: string; body: string; author: string | null; createdAt: string }[];
  activities: { id: string; kind: string; summary: string; actor: string | null; occurredAt: string }[];
  subformRows: { id: string; subform: string; position: number; values: Record<string, unknown> }[];
  relations: { id: string; label: string; direction: "to" | "from"; record: RelatedRecord }[];
}

/** `id` as a page URL or API client names a record: its string id or its number. */
export const recordRef = (id: string): Prisma.RecordWhereInput =>
  isRecordNumber(id) ? { recordNumber: BigInt(id) } : { id };

/**
 * One record with everything that belongs to it, or null. `where` says which record (and in
 * which state, via lib/records/live.ts); `otherEnd` which relations' other ends are listed.
 */
export async function loadRecordDetail(
  where: Prisma.RecordWhereInput,
  otherEnd: Prisma.RecordWhereInput,
): Promise<RecordDetail | null> {
  const other = { select: { id: true, name: true, deletedAt: true, entity: { select: { slug: true, name: true } } } };
  const r = await db().record.findFirst({
    where,
    include: {
      entity: { select: { id: true, slug: true, name: true } },
      owner: { select: { name: true } },
      createdBy: { select: { name: true } },
      notes: { orderBy: { createdAt: "desc" }, include: { author: { select: { name: true } } } },
      activities: { orderBy: { occurredAt: "desc" }, include: { actor: { select: { name: true } } } },
      subformRows: { orderBy: [{ subform: "asc" }, { position: "asc" }] },
      relationsFrom: { where: { toRecord: otherEnd }, include: { toRecord: other }, orderBy: { createdAt: "asc" } },
      relationsTo: { where: { fromRecord: otherEnd }, include: { fromRecord: other }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!r) return null;
  const link = (x: {
    id: string;
    name: string;
    deletedAt: Date | null;
    entity: { slug: string; name: string };
  }): RelatedRecord => ({
    id: x.id,
    name: x.name,
    entitySlug: x.entity.slug,
    entityName: x.entity.name,
    trashed: x.deletedAt !== null,
  });
  return {
    id: r.id,
    recordNumber: r.recordNumber.toString(),
    name: r.name,
    entity: r.entity,
    phoneNumber: r.phoneNumber,
    externalProvider: r.externalProvider,
    externalId: r.externalId,
    attributes: (r.attributes ?? {}) as Record<string, unknown>,
    owner: r.owner?.name ?? null,
    createdBy: r.createdBy?.name ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    notes: r.notes.map((n) => ({
      id: n.id,
      body: n.body,
      author: n.author?.name ?? null,
      createdAt: n.createdAt.toISOString(),
    })),
    activities: r.activities.map((a) => ({
      id: a.id,
      kind: a.kind,
      summary: a.summary,
      actor: a.actor?.name ?? null,
      occurredAt: a.occurredAt.toISOString(),
    })),
    subformRows: r.subformRows.map((s) => ({
      id: s.id,
      subform: s.subform,
      position: s.position,
      values: (s.values ?? {}) as Record<string, unknown>,
    })),
    relations: [
      ...r.relationsFrom.map((x) => ({ id: x.id, label: x.label, direction: "to" as const, record: link(x.toRecord) })),
      ...r.relationsTo.map((x) => ({
        id: x.id,
        label: x.label,
        direction: "from" as const,
        record: link(x.fromRecord),
      })),
    ],
  };
}

/**
 * A live record with everything that belongs to it; relations only to other live records.
 * `id` is its string id or its number.
 */
export async function getRecord(actor: Actor, { id }: { id: string }): Promise<RecordDetail> {
  assertCan(actor, "records.read");
  const record = await loadRecordDetail(liveRecords(actor.workspaceId, recordRef(id)), LIVE);
  if (!record) throw notFound();
  return record;
}
