import type { Permission } from "@/lib/permissions";

/**
 * What an API key may be used for. A scope only narrows: the key still acts with its user's
 * role as re-read on every call, so each scope names the permission it needs. The labels are
 * what the key dialog and the API reference show.
 */
export const SCOPE_PERMISSION = {
  "records:read": "records.read",
  "records:write": "records.write",
  "records:delete": "records.delete",
  "records:restore": "records.restore.own",
  "records:purge": "records.destroy",
  "segments:delete": "segments.delete.own",
} as const satisfies Record<string, Permission>;

export type Scope = keyof typeof SCOPE_PERMISSION;
export const SCOPES = Object.keys(SCOPE_PERMISSION) as Scope[];

export const SCOPE_LABELS: Record<Scope, string> = {
  "records:read": "Read records, the trash and segments",
  "records:write": "Create and edit records",
  "records:delete": "Move records to the trash",
  "records:restore": "Restore records from the trash",
  "records:purge": "Delete records permanently",
  "segments:delete": "Delete segments",
};
