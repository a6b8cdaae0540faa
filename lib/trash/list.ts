import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { resolveEntity } from "@/lib/entities";
import { AppError } from "@/lib/errors";
import { canRestoreRecord } from "@/lib/permissions";
import { searchWhere } from "@/lib/segments/filter";
import { parseInput } from "@/lib/validation";
import { getWorkspaceSummary } from "@/lib/workspace";
import { purgeAt, purgeCutoff } from "./retention";
import { listTrashSchema, type ListTrashInput, type TrashScope } from "./schemas";
import { defaultTrashScope, trashWhere } from "./scope";

export interface TrashRow {
  id: string;
  name: string;
  entity: { id: string; slug: string; name: string };
  deletedAt: string;
  deletedBy: { id: string; name: string; email: string } | null;
  purgeAt: string;
  heldAt: string | null;
  heldBy: string | null;
  deleteBatchId: string | null;
  /** Whether the caller may restore it (the server checks again on restore). */
  canRestore: boolean;
}

export interface TrashPage {
  items: TrashRow[];
  nextCursor: string | null;
  totalCount: number;
  scope: TrashScope;
  retentionDays: number;
}

function encode(p: { deletedAt: Date; id: string }) {
  return Buffer.from(`${p.deletedAt.toISOString()}|${p.id}`).toString("base64url");
}
function decode(cursor: string) {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const deletedAt = new Date(iso ?? "");
  if (!id || Number.isNaN(deletedAt.getTime())) throw new AppError("VALIDATION", "The page cursor is not valid.", "cursor");
  return { deletedAt, id };
}

/** What the trash filter means as a where clause; shared by the list and "select all matching". */
export async function trashFilterWhere(actor: Actor, raw: ListTrashInput, now: Date) {
  const input = parseInput(listTrashSchema, raw);
  const scope = input.scope ?? defaultTrashScope(actor);
  const { retentionDays } = await getWorkspaceSummary(actor);
  const entity = input.entity ? await resolveEntity(actor, input.entity) : null;
  const expiring: Prisma.RecordWhereInput = input.expiringWithinHours
    ? { heldAt: null, deletedAt: { lte: new Date(purgeCutoff(now, retentionDays).getTime() + input.expiringWithinHours * 3_600_000) } }
    : {};
  const where: Prisma.RecordWhereInput = {
    AND: [
      trashWhere(actor, scope),
      entity ? { entityId: entity.id } : {},
      input.deletedBy ? { deletedById: input.deletedBy } : {},
      expiring,
      searchWhere(input.q),
    ],
  };
  return { input, scope, retentionDays, where };
}

/** The trash bin: soonest purge first (or most recently deleted), with filters. */
export async function listTrash(actor: Actor, raw: ListTrashInput, now: Date): Promise<TrashPage> {
  const { input, scope, retentionDays, where } = await trashFilterWhere(actor, raw, now);
  const order = input.sort === "purge" ? "asc" : "desc";
  const cmp = order === "asc" ? "gt" : "lt";
  const position = input.cursor ? decode(input.cursor) : null;
  const paged: Prisma.RecordWhereInput = position
    ? { AND: [where, { OR: [{ deletedAt: { [cmp]: position.deletedAt } }, { deletedAt: position.deletedAt, id: { [cmp]: position.id } }] }] }
    : where;

  const [rows, totalCount] = await Promise.all([
    db().record.findMany({
      where: paged,
      orderBy: [{ deletedAt: order }, { id: order }],
      take: input.limit + 1,
      select: {
        id: true, name: true, deletedAt: true, heldAt: true, deleteBatchId: true,
        entity: { select: { id: true, slug: true, name: true } },
        deletedBy: { select: { id: true, name: true, email: true } },
        heldBy: { select: { name: true } },
      },
    }),
    db().record.count({ where }),
  ]);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id, name: r.name, entity: r.entity,
      deletedAt: r.deletedAt!.toISOString(),
      deletedBy: r.deletedBy,
      purgeAt: purgeAt(r.deletedAt!, retentionDays).toISOString(),
      heldAt: r.heldAt?.toISOString() ?? null,
      heldBy: r.heldBy?.name ?? null,
      deleteBatchId: r.deleteBatchId,
      canRestore: canRestoreRecord(actor, { deletedById: r.deletedBy?.id ?? null }),
    })),
    nextCursor: rows.length > input.limit && last ? encode({ deletedAt: last.deletedAt!, id: last.id }) : null,
    totalCount,
    scope,
    retentionDays,
  };
}

/** The number in the navigation badge: what the caller's default trash view holds. */
export async function countTrash(actor: Actor): Promise<number> {
  return db().record.count({ where: trashWhere(actor, defaultTrashScope(actor)) });
}

/** People who have something in this trash view, for the "deleted by" filter. */
export async function listTrashDeleters(actor: Actor, scope: TrashScope) {
  const groups = await db().record.groupBy({ by: ["deletedById"], where: trashWhere(actor, scope), _count: true });
  const ids = groups.map((g) => g.deletedById).filter((id): id is string => !!id);
  return db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
