import type { Role } from "@/generated/prisma/enums";
import { AppError } from "./errors";

export const ROLES: readonly Role[] = ["VIEWER", "MEMBER", "ADMIN", "OWNER"];
const RANK: Record<Role, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

/** Every permission by name, with the lowest role that holds it. The one table. */
export const PERMISSIONS = {
  "records.read": "VIEWER",
  "records.delete": "MEMBER",
  // A MEMBER restores what they deleted; ADMIN+ restore anything.
  "records.restore.own": "MEMBER",
  "records.restore.any": "ADMIN",
  "records.destroy": "ADMIN",
  // Delete without running the entity's on-delete automations (the API's wf_trigger=false aside).
  "records.delete.skipAutomations": "ADMIN",
  "trash.view.own": "VIEWER",
  "trash.view.all": "ADMIN",
  "trash.empty": "ADMIN",
  "trash.hold": "ADMIN",
  "segments.create": "MEMBER",
  // A MEMBER deletes segments they created; anyone else's needs OWNER.
  "segments.delete.own": "MEMBER",
  "segments.delete.any": "OWNER",
  // Give a detached automation (its segment was deleted) another segment, so it runs again.
  "automations.attach": "ADMIN",
  "audit.read": "VIEWER",
  "workspace.settings.update": "OWNER",
  // A MEMBER manages their own keys; an OWNER sees and revokes every key of the workspace.
  // A VIEWER's key can only read (scopes are capped by role, lib/api-keys/scopes.ts).
  "apiKeys.manage": "VIEWER",
  "apiKeys.manage.any": "OWNER",
  // The purge digest's webhook: its URL, its signing secret, its delivery log, "send now".
  "webhooks.manage": "ADMIN",
  // Members: invite, re-role, remove and issue reset links for MEMBERs and VIEWERs; OWNER for anyone.
  "members.manage": "ADMIN",
  "members.manage.any": "OWNER",
  // Create and edit records, add notes, import CSV files (every door: dialog, API, import).
  "records.write": "MEMBER",
  // Settings → Fields: declare, rename, add options, retire.
  "fields.manage": "ADMIN",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

export interface HasRole {
  role: Role;
}

export function roleAtLeast(role: Role, min: Role): boolean {
  return RANK[role] >= RANK[min];
}

export function can(actor: HasRole, permission: Permission): boolean {
  return roleAtLeast(actor.role, PERMISSIONS[permission]);
}

export function assertCan(actor: HasRole, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new AppError(
      "FORBIDDEN",
      `Your role (${actor.role.toLowerCase()}) cannot do this: it needs ${PERMISSIONS[permission].toLowerCase()} or higher.`,
    );
  }
}

// Ownership rules, beside the table they refine.

export const SEGMENT_DELETE_REFUSED = "Only its creator or the workspace owner can delete this segment.";
export const RESTORE_REFUSED = "Members can restore only what they deleted; ask an admin.";

/** Segment delete: MEMBER+ for their own segments; anyone else's (or a removed user's) needs OWNER. */
export function canDeleteSegment(
  actor: HasRole & { userId: string },
  segment: { createdById: string | null },
): boolean {
  if (!can(actor, "segments.delete.own")) return false;
  return segment.createdById === actor.userId || can(actor, "segments.delete.any");
}

/** Restore: MEMBER+ for what they deleted themselves; ADMIN+ for anything in the trash. */
export function canRestoreRecord(actor: HasRole & { userId: string }, record: { deletedById: string | null }): boolean {
  if (!can(actor, "records.restore.own")) return false;
  return record.deletedById === actor.userId || can(actor, "records.restore.any");
}

export const MEMBER_MANAGE_REFUSED = "Admins manage members and viewers only; ask an owner.";

/** Members (semantics 16): ADMIN+ may invite, re-role, remove or reset MEMBERs and VIEWERs; OWNER anyone. */
export function canManageRole(actor: HasRole, role: Role): boolean {
  if (!can(actor, "members.manage")) return false;
  return !roleAtLeast(role, "ADMIN") || can(actor, "members.manage.any");
}
