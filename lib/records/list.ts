import type { Actor } from "@/lib/actor";
import { resolveEntity } from "@/lib/entities";
import type { CappedCount } from "@/lib/pagination/keyset";
import { assertCan } from "@/lib/permissions";
import { keysetRecordPage } from "./keyset";
import { plainRecordPage } from "./plain-page";
import type { ListRecordsInput } from "./schemas";
import { recordsView } from "./view";

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

/** What a list row reads, and how it is written out: the records list and a segment's members share it. */
export const RECORD_ROW_SELECT = {
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
} as const;

type RecordRowRead = {
  id: string;
  recordNumber: bigint;
  entityId: string;
  name: string;
  phoneNumber: string | null;
  externalProvider: string | null;
  externalId: string | null;
  attributes: unknown;
  createdAt: Date;
  owner: { name: string } | null;
};

export function toRecordRow(r: RecordRowRead): RecordRow {
  return {
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
  };
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
  const view = recordsView(actor.workspaceId, entity?.id ?? null, input.q);
  if (!view.searchedSql) {
    const { rows, ...page } = await plainRecordPage(view.sql, input);
    return {
      items: rows.map(({ ownerName, ...r }) =>
        toRecordRow({ ...r, owner: ownerName === null ? null : { name: ownerName } }),
      ),
      ...page,
    };
  }
  const { rows, nextCursor, prevCursor, totalCount, totalCountCapped } = await keysetRecordPage(
    view.where,
    RECORD_ROW_SELECT,
    input,
    view,
  );

  return {
    items: rows.map(toRecordRow),
    nextCursor,
    prevCursor,
    totalCount,
    totalCountCapped,
  };
}
