import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { CappedCount } from "@/lib/pagination/keyset";
import { assertCan } from "@/lib/permissions";
import { keysetRecordPage } from "@/lib/records/keyset";
import { RECORD_ROW_SELECT, toRecordRow, type RecordRow } from "@/lib/records/list";
import { liveRecords } from "@/lib/records/live";
import type { SegmentMembersInput } from "./schemas";

export type SegmentMemberRow = RecordRow & { addedAt: string };

export interface SegmentMembersPage extends CappedCount {
  items: SegmentMemberRow[];
  nextCursor: string | null;
  prevCursor: string | null;
}

/** A segment's cached members that are live, newest record first, with keyset paging both ways. */
export async function listSegmentMembers(actor: Actor, input: SegmentMembersInput): Promise<SegmentMembersPage> {
  assertCan(actor, "records.read");
  const segment = await db().segment.findFirst({
    where: { id: input.id, workspaceId: actor.workspaceId },
    select: { id: true },
  });
  if (!segment) throw notFound("Segment");

  const base = liveRecords(actor.workspaceId, { segmentMembers: { some: { segmentId: segment.id } } });
  const { rows, nextCursor, prevCursor, totalCount, totalCountCapped } = await keysetRecordPage(
    base,
    {
      ...RECORD_ROW_SELECT,
      segmentMembers: { where: { segmentId: segment.id }, select: { addedAt: true } },
    },
    input,
  );
  return {
    items: rows.map((r) => ({ ...toRecordRow(r), addedAt: r.segmentMembers[0]!.addedAt.toISOString() })),
    nextCursor,
    prevCursor,
    totalCount,
    totalCountCapped,
  };
}
