import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { resolveEntity } from "@/lib/entities";
import { destroyRecords } from "@/lib/purge/destroy";
import type { BulkResult, FailedId } from "@/lib/records/bulk-result";
import { liveRecords } from "@/lib/records/live";
import { searchWhere } from "@/lib/records/search";
import { deleteFromDashboard } from "@/lib/trash/delete";
import { trashFilterWhere } from "@/lib/trash/list";
import { restoreRecords } from "@/lib/trash/restore";
import {
  CHUNK_SIZE,
  MAX_LIVE_SELECTIONS,
  MAX_SELECTION,
  SELECTION_TTL_MS,
  type ApplyChunkInput,
  type SelectionFilter,
} from "./schemas";

export interface Selection {
  token: string;
  count: number;
  chunks: number;
  expiresAt: string;
  /** In the trash: how many of them someone else deleted (a restore of "all matching" says so). */
  deletedByOthers: number;
}

/**
 * "Select all N matching": the server resolves the filter in the caller's workspace and keeps
 * the exact ids as a snapshot. Bulk actions then run only against that snapshot, so rows that
 * start matching afterwards are never touched.
 */
export async function createSelection(actor: Actor, filter: SelectionFilter, now: Date): Promise<Selection> {
  let ids: string[];
  let deletedByOthers = 0;
  let entityId: string | null = null;
  if (filter.scope === "records") {
    assertCan(actor, "records.delete");
    const entity = await resolveEntity(actor, filter.entity);
    entityId = entity.id;
    const rows = await db().record.findMany({
      where: liveRecords(actor.workspaceId, { entityId: entity.id, ...searchWhere(filter.q) }),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
      take: MAX_SELECTION + 1,
    });
    ids = rows.map((r) => r.id);
  } else {
    assertCan(actor, "records.restore.own");
    const { where } = await trashFilterWhere(actor, filter.filter, now);
    const rows = await db().record.findMany({
      where,
      orderBy: [{ deletedAt: "asc" }, { id: "asc" }],
      select: { id: true, deletedById: true },
      take: MAX_SELECTION + 1,
    });
    ids = rows.map((r) => r.id);
    deletedByOthers = rows.filter((r) => r.deletedById !== actor.userId).length;
  }
  if (ids.length === 0) throw new AppError("VALIDATION", "Nothing matches this filter.");
  if (ids.length > MAX_SELECTION)
    throw new AppError(
      "LIMIT_EXCEEDED",
      `More than ${MAX_SELECTION.toLocaleString("en-US")} records match; narrow the filter.`,
    );

  await makeRoomForSelection(actor, now);
  const selection = await db().bulkSelection.create({
    data: {
      workspaceId: actor.workspaceId,
      userId: actor.userId,
      entityId,
      scope: filter.scope,
      filter: filter.scope === "records" ? { entity: filter.entity, q: filter.q ?? null } : filter.filter,
      recordIds: ids,
      expiresAt: new Date(now.getTime() + SELECTION_TTL_MS),
    },
    // Not the (up to 100,000) ids back: the caller has them.
    select: { id: true, expiresAt: true },
  });
  return {
    token: selection.id,
    count: ids.length,
    chunks: Math.ceil(ids.length / CHUNK_SIZE),
    expiresAt: selection.expiresAt.toISOString(),
    deletedByOthers,
  };
}

export interface ChunkResult extends BulkResult {
  chunk: number;
  chunks: number;
  total: number;
  batchId: string | null;
}

/** Applies one chunk (at most 1000 ids) of a confirmed snapshot; the UI calls it chunk by chunk. */
export async function applySelectionChunk(actor: Actor, input: ApplyChunkInput, now: Date): Promise<ChunkResult> {
  const selection = await db().bulkSelection.findFirst({
    where: { id: input.token, workspaceId: actor.workspaceId, userId: actor.userId, expiresAt: { gt: now } },
  });
  if (!selection) throw new AppError("NOT_FOUND", "This selection has expired or is not yours. Select the rows again.");
  const allowed = selection.scope === "records" ? ["delete"] : ["restore", "destroy"];
  if (!allowed.includes(input.action))
    throw new AppError("VALIDATION", `“${input.action}” does not apply to a ${selection.scope} selection.`, "action");
  if (input.confirmCount !== selection.recordIds.length) {
    throw new AppError(
      "VALIDATION",
      `Type the exact number of selected records (${selection.recordIds.length.toLocaleString("en-US")}) to confirm.`,
      "confirmCount",
    );
  }
  const chunks = Math.ceil(selection.recordIds.length / CHUNK_SIZE);
  if (input.chunk >= chunks) throw new AppError("VALIDATION", `This selection has ${chunks} chunks.`, "chunk");

  const ids = selection.recordIds.slice(input.chunk * CHUNK_SIZE, (input.chunk + 1) * CHUNK_SIZE);
  const audit = { chunk: `${input.chunk + 1}/${chunks}`, selectionId: selection.id };
  const base = { chunk: input.chunk, chunks, total: selection.recordIds.length };
  const result =
    input.action === "delete"
      ? await deleteFromDashboard(actor, { ids, audit, runAutomations: input.runAutomations }, now)
      : {
          batchId: null,
          ...(input.action === "restore"
            ? await restoreRecords(actor, { ids, audit }, now)
            : await destroyRecords(actor, { ids, audit }, now)),
        };
  return { ...base, ...result, failed: await withNames(actor, result.failed) };
}

/** People read the failures of a run: each gets its record's name where the record still exists. */
async function withNames(actor: Actor, failed: FailedId[]): Promise<FailedId[]> {
  if (failed.length === 0) return failed;
  const rows = await db().record.findMany({
    where: { workspaceId: actor.workspaceId, id: { in: failed.map((f) => f.id) } },
    select: { id: true, name: true },
  });
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return failed.map((f) => (names.has(f.id) ? { ...f, name: names.get(f.id) } : f));
}

/**
 * At most MAX_LIVE_SELECTIONS live snapshots per person: before a new one, that person's
 * expired snapshots go, and their oldest live ones beyond the cap (the newest stay usable).
 */
async function makeRoomForSelection(actor: Actor, now: Date): Promise<void> {
  const mine = { workspaceId: actor.workspaceId, userId: actor.userId };
  const older = await db().bulkSelection.findMany({
    where: { ...mine, expiresAt: { gt: now } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: MAX_LIVE_SELECTIONS - 1,
    select: { id: true },
  });
  await db().bulkSelection.deleteMany({
    where: { ...mine, OR: [{ expiresAt: { lte: now } }, { id: { in: older.map((s) => s.id) } }] },
  });
}

/** Maintenance (the server's scheduler runs it): removes every expired snapshot. */
export async function deleteExpiredSelections(now: Date): Promise<number> {
  return (await db().bulkSelection.deleteMany({ where: { expiresAt: { lte: now } } })).count;
}
