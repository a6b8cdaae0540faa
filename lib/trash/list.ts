import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/actor";
import { db, selectRows } from "@/lib/db/client";
import { listEntities, resolveEntity } from "@/lib/entities";
import { beyond, cappedCount, cutPage, readOrder, type CappedCount, type SortOrder } from "@/lib/pagination/keyset";
import { assertCan, canRestoreRecord } from "@/lib/permissions";
import { retentionOfDays } from "@/lib/purge/retention";
import { getWorkspaceSummary } from "@/lib/workspace";
import { trashedSql } from "@/lib/records/live";
import { searchWhere } from "@/lib/records/search";
import type { ListTrashInput, TrashFilter, TrashScope } from "./schemas";
import { defaultTrashScope, trashScopeSql, trashWhere } from "./scope";

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

export interface TrashPage extends CappedCount {
  items: TrashRow[];
  nextCursor: string | null;
  prevCursor: string | null;
  scope: TrashScope;
  retentionDays: number;
}

const DAY_MS = 86_400_000;

/** What a trash filter means as a where clause; shared by the list and "select all matching". */
export async function trashFilterWhere(actor: Actor, filter: TrashFilter, now: Date) {
  const scope = filter.scope ?? defaultTrashScope(actor);
  // The workspace as this request read it once (the layout's notice and the page both filter).
  const retention = retentionOfDays((await getWorkspaceSummary(actor)).retentionDays);
  const entity = filter.entity ? await resolveEntity(actor, filter.entity) : null;
  const expiring: Prisma.RecordWhereInput = filter.expiringWithinHours
    ? {
        heldAt: null,
        deletedAt: { lte: retention.dueWithin(now, filter.expiringWithinHours) },
      }
    : {};
  const where: Prisma.RecordWhereInput = {
    AND: [
      trashWhere(actor, scope),
      entity ? { entityId: entity.id } : {},
      filter.deletedBy ? { deletedById: filter.deletedBy } : {},
      expiring,
      searchWhere(filter.q),
      filter.batch ? { deleteBatchId: filter.batch } : {},
      filter.deletedFrom ? { deletedAt: { gte: new Date(`${filter.deletedFrom}T00:00:00.000Z`) } } : {},
      // "to" is the last day shown, whole.
      filter.deletedTo ? { deletedAt: { lt: new Date(Date.parse(`${filter.deletedTo}T00:00:00.000Z`) + DAY_MS) } } : {},
    ],
  };
  return { scope, retention, where };
}

/** The trash bin: soonest purge first (or most recently deleted), with filters, paged both ways. */
export async function listTrash(actor: Actor, input: ListTrashInput, now: Date): Promise<TrashPage> {
  const { scope, retention, where } = await trashFilterWhere(actor, input, now);
  const order: SortOrder = input.sort === "purge" ? "asc" : "desc";
  const read = readOrder(order, input.direction);
  const [rows, count] = await Promise.all([
    db().record.findMany({
      where: input.cursor ? { AND: [where, beyond("deletedAt", input.cursor, order, input.direction)] } : where,
      orderBy: [{ deletedAt: read }, { id: read }],
      take: input.limit + 1,
      select: {
        id: true,
        name: true,
        entityId: true,
        deletedAt: true,
        deletedById: true,
        heldAt: true,
        heldById: true,
        deleteBatchId: true,
      },
    }),
    // In the page's order, not Prisma's default id order, so the scan stops at the cap (records/keyset.ts).
    cappedCount((take) => db().record.count({ where, take, orderBy: [{ deletedAt: order }, { id: order }] })),
  ]);
  const page = cutPage(rows, input, (r) => ({ at: r.deletedAt!, id: r.id }));
  // The record types from the request's own list, and who deleted or kept the rows in one read:
  // Prisma would read each relation with a statement of its own (three instead of one).
  const [entities, people] = await Promise.all([
    listEntities(actor),
    peopleById(page.items.flatMap((r) => [r.deletedById, r.heldById])),
  ]);
  const entityById = new Map(entities.map((e) => [e.id, e]));
  return {
    items: page.items.map((r) => ({
      id: r.id,
      name: r.name,
      entity: entityById.get(r.entityId)!,
      deletedAt: r.deletedAt!.toISOString(),
      deletedBy: (r.deletedById && people.get(r.deletedById)) || null,
      purgeAt: retention.purgeAt(r.deletedAt!).toISOString(),
      heldAt: r.heldAt?.toISOString() ?? null,
      heldBy: (r.heldById && people.get(r.heldById)?.name) || null,
      deleteBatchId: r.deleteBatchId,
      canRestore: canRestoreRecord(actor, { deletedById: r.deletedById }),
    })),
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    ...count,
    scope,
    retentionDays: retention.days,
  };
}

/** The people a page names (who deleted, who kept), by id; none read when the page names nobody. */
async function peopleById(ids: (string | null)[]): Promise<Map<string, { id: string; name: string; email: string }>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const people = await selectRows<{ id: string; name: string; email: string }[]>`
    SELECT id, name, email FROM "User" WHERE id = ANY(${wanted})`;
  return new Map(people.map((p) => [p.id, p]));
}

/**
 * For whoever sees only their own deletions: how many records other people deleted, which their
 * trash does not show (a count only, never which).
 */
export async function countOthersDeletions(actor: Actor): Promise<number> {
  assertCan(actor, "trash.view.own");
  // Plain statements here and below: the trash page reads them on every render, and an ORM read
  // costs about twice the server time of the statement it sends.
  const [others] = await selectRows<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Record"
    WHERE "workspaceId" = ${actor.workspaceId} AND ${trashedSql()} AND "deletedById" IS DISTINCT FROM ${actor.userId}`;
  return others!.n;
}

/** People who have something in this trash view, for the "deleted by" filter. */
export async function listTrashDeleters(actor: Actor, scope: TrashScope): Promise<{ id: string; name: string }[]> {
  return selectRows`
    SELECT u.id, u.name FROM "User" u
    WHERE u.id IN (SELECT "deletedById" FROM "Record" WHERE ${trashScopeSql(actor, scope)})
    ORDER BY u.name, u.id`;
}
