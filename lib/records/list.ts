import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { resolveEntity } from "@/lib/entities";
import { assertCan } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";
import { searchWhere } from "@/lib/segments/filter";
import { decodeCursor, encodeCursor, type Position } from "./cursor";
import { liveRecords } from "./live";
import { listRecordsSchema, type ListRecordsInput } from "./schemas";

export interface RecordRow {
  id: string;
  entityId: string;
  name: string;
  phoneNumber: string | null;
  externalProvider: string | null;
  externalId: string | null;
  attributes: Record<string, unknown>;
  ownerName: string | null;
  createdAt: string;
}

export interface RecordPage {
  items: RecordRow[];
  nextCursor: string | null;
  prevCursor: string | null;
  totalCount: number;
}

function after(p: Position, direction: "next" | "prev"): Prisma.RecordWhereInput {
  const cmp = direction === "next" ? "lt" : "gt";
  return { OR: [{ createdAt: { [cmp]: p.createdAt } }, { createdAt: p.createdAt, id: { [cmp]: p.id } }] };
}

/** Live records, newest first, with keyset paging in both directions. */
export async function listRecords(actor: Actor, raw: ListRecordsInput): Promise<RecordPage> {
  assertCan(actor, "records.read");
  const input = parseInput(listRecordsSchema, raw);
  const entity = input.entity ? await resolveEntity(actor, input.entity) : null;
  const base = liveRecords(actor.workspaceId, { ...(entity ? { entityId: entity.id } : {}), ...searchWhere(input.q) });
  const position = input.cursor ? decodeCursor(input.cursor) : null;
  const order = input.direction === "next" ? "desc" : "asc";

  const [rows, totalCount] = await Promise.all([
    db().record.findMany({
      where: position ? { AND: [base, after(position, input.direction)] } : base,
      orderBy: [{ createdAt: order }, { id: order }],
      take: input.limit + 1,
      select: {
        id: true, entityId: true, name: true, phoneNumber: true, externalProvider: true, externalId: true,
        attributes: true, createdAt: true, owner: { select: { name: true } },
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
      id: r.id, entityId: r.entityId, name: r.name, phoneNumber: r.phoneNumber,
      externalProvider: r.externalProvider, externalId: r.externalId,
      attributes: (r.attributes ?? {}) as Record<string, unknown>,
      ownerName: r.owner?.name ?? null, createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: hasNext && last ? encodeCursor(last) : null,
    prevCursor: hasPrev && first ? encodeCursor(first) : null,
    totalCount,
  };
}
