import type { Actor } from "@/lib/actor";
import { resolveEntity } from "@/lib/entities";
import type { CappedCount } from "@/lib/pagination/keyset";
import { assertCan } from "@/lib/permissions";
import { keysetRecordPage } from "./keyset";
import { liveRecords } from "./live";
import type { ListRecordsInput } from "./schemas";
import { searchWhere } from "./search";

export interface RecordRow {
  id: string;
  /** The numeric id, as digits (JSON numbers cannot hold every bigint). */
  recordNumber: string;
  entityId: string;
  name: string;
  phoneNumber: string | null;
  externalProvider: string | null;
  externalId: string | null;
  attributes: Record<string, unknown>;
  ownerName: string | null;
  createdAt: string;
}

export interface RecordPage extends CappedCount {
  items: RecordRow[];
  nextCursor: string | null;
  prevCursor: string | null;
}

/** Live records, newest first, with keyset paging in both directions. */
export async function listRecords(actor: Actor, input: ListRecordsInput): Promise<RecordPage> {
  assertCan(actor, "records.read");
  const entity = input.entity ? await resolveEntity(actor, input.entity) : null;
  const base = liveRecords(actor.workspaceId, { ...(entity ? { entityId: entity.id } : {}), ...searchWhere(input.q) });
  const { rows, nextCursor, prevCursor, totalCount, totalCountCapped } = await keysetRecordPage(
    base,
    {
      id: true,
      recordNumber: true,
      entityId: true,
      name: true,
      phoneNumber: true,
      externalProvider: true,
      externalId: true,
      attributes: true,
      createdAt: true,
      owner: { select: { name: true } },
    },
    input,
    { searched: !!input.q?.trim() },
  );

  return {
    items: rows.map((r) => ({
      id: r.id,
      recordNumber: r.recordNumber.toString(),
      entityId: r.entityId,
      name: r.name,
      phoneNumber: r.phoneNumber,
      externalProvider: r.externalProvider,
      externalId: r.externalId,
      attributes: (r.attributes ?? {}) as Record<string, unknown>,
      ownerName: r.owner?.name ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor,
    prevCursor,
    totalCount,
    totalCountCapped,
  };
}
