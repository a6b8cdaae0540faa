import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/actor";
import { assertCan, can } from "@/lib/permissions";
import { trashedRecords, trashedSql } from "@/lib/records/live";
import type { TrashScope } from "./schemas";

/** The caller's default view: everything for ADMIN+, their own deletions otherwise. */
export function defaultTrashScope(actor: Actor): TrashScope {
  return can(actor, "trash.view.all") ? "all" : "mine";
}

/** Trashed records of the workspace the caller may see in this scope. */
export function trashWhere(actor: Actor, scope: TrashScope): Prisma.RecordWhereInput {
  assertScope(actor, scope);
  return trashedRecords(actor.workspaceId, scope === "mine" ? { deletedById: actor.userId } : {});
}

/** `trashWhere` in SQL, for a statement Prisma cannot express (the two counts of lib/trash/counts.ts). */
export function trashScopeSql(actor: Actor, scope: TrashScope): Prisma.Sql {
  assertScope(actor, scope);
  const mine = scope === "mine" ? Prisma.sql`AND "deletedById" = ${actor.userId}` : Prisma.empty;
  return Prisma.sql`"workspaceId" = ${actor.workspaceId} AND ${trashedSql()} ${mine}`;
}

function assertScope(actor: Actor, scope: TrashScope): void {
  assertCan(actor, scope === "all" ? "trash.view.all" : "trash.view.own");
}
