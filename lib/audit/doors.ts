import type { AuditDoor } from "@/generated/prisma/enums";

/** The doors a change can come through, as the audit log records them. */
export const AUDIT_DOORS = ["UI", "API", "JOB", "CLI"] as const satisfies readonly AuditDoor[];
