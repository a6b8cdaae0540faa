import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { decodeCursor, encodeCursor, type Position } from "@/lib/records/cursor";
import { liveRecords } from "@/lib/records/live";
import { parseInput } from "@/lib/validation";
import { segmentMembersSchema, type SegmentMembersInput } from "./schemas";

export interface SegmentMemberRow {
  id: string;
  name: string;
  phoneNumber: string | null;
  externalProvider: string | null;
  externalId: string | null;
  attributes: Record<string, unknown>;
  ownerName: string | null;
  createdAt: string;
  addedAt: string;
}

export interface SegmentMembersPage {
  items: SegmentMemberRow[];
  nextCursor: string | null;
  prevCursor: string | null;
  totalCount: number;
}

function after(p: Position, direction: "next" | "prev"): Prisma.RecordWhereInput {
  const cmp = direction === "next" ? "lt" : "gt";
  return { OR: [{ createdAt: { [cmp]: p.createdAt } }, { createdAt: p.createdAt, id: { [cmp]: p.id } }] };
}

/** A segment's cached members that are live, newest record first, with keyset paging both ways. */
export async function listSegmentMembers(actor: Actor, raw: SegmentMembersInput): Promise<SegmentMembersPage> {
  assertCan(actor, "records.read");
  const input = parseInput(segmentMembersSchema, raw);
  const segment = await db().segment.findFirst({ where: { id: input.id, workspaceId: actor.workspaceId }, select: { id: true } });
  if (!segment) throw notFound("Segment");

  const base = liveRecords(actor.workspaceId, { segmentMembers: { some: { segmentId: segment.id } } });
  const position = input.cursor ? decodeCursor(input.cursor) : null;
  const order = input.direction === "next" ? "desc" : "asc";
  const [rows, totalCount] = await Promise.all([
    db().record.findMany({
      where: position ? { AND: [base, after(position, input.direction)] } : base,
      orderBy: [{ createdAt: order }, { id: order }],
      take: input.limit + 1,
      select: {
        id: true, name: true, phoneNumber: true, externalProvider: true, externalId: true, attributes: true, createdAt: true, owner: { select: { name: true } },
        segmentMembers: { where: { segmentId: segment.id }, select: { addedAt: true } },
      },
    }),
    db().record.count({ where: base }),
  ]);
  const hasMore = rows.length > input.limit;
  const page = rows.slice(0, input.limit);
  if (input.direction === "prev") page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  const hasNext = input.direction === "next" ? hasMore : true;
  const hasPrev = input.direction === "prev" ? hasMore : position !== null;
  return {
    items: page.map((r) => ({
      id: r.id, name: r.name, phoneNumber: r.phoneNumber, externalProvider: r.externalProvider, externalId: r.externalId, attributes: (r.attributes ?? {}) as Record<string, unknown>,
      ownerName: r.owner?.name ?? null, createdAt: r.createdAt.toISOString(), addedAt: r.segmentMembers[0]!.addedAt.toISOString(),
    })),
    nextCursor: hasNext && last ? encodeCursor(last) : null,
    prevCursor: hasPrev && first ? encodeCursor(first) : null,
    totalCount,
  };
}
