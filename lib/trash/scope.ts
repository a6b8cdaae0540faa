import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/actor";
import { assertCan, can } from "@/lib/permissions";
import { trashedRecords } from "@/lib/records/live";
import type { TrashScope } from "./schemas";

/** The caller's default view: everything for ADMIN+, their own deletions otherwise. */
export function defaultTrashScope(actor: Actor): TrashScope {
  return can(actor, "trash.view.all") ? "all" : "mine";
}

/** Trashed records of the workspace the caller may see in this scope. */
export function trashWhere(actor: Actor, scope: TrashScope): Prisma.RecordWhereInput {
  if (scope === "all") assertCan(actor, "trash.view.all");
  else assertCan(actor, "trash.view.own");
  return trashedRecords(actor.workspaceId, scope === "mine" ? { deletedById: actor.userId } : {});
}
