import { z } from "zod";
import { AUDIT_DOORS } from "@/lib/audit/doors";
import { pageRequestShape } from "@/lib/pagination/keyset";

const day = z.iso.date("A day is written YYYY-MM-DD");

/** What an audit view shows: the list, its CSV export and the URL share it. */
export const auditFilterSchema = z.object({
  /** An action or a prefix of one ("records." for every record action). */
  action: z
    .string()
    .trim()
    .max(64)
    .regex(/^[a-zA-Z.]*$/, "An action is letters and dots")
    .optional(),
  /** The user who acted (their id). */
  actor: z.string().trim().min(1).max(64).optional(),
  door: z.enum(AUDIT_DOORS).optional(),
  /** First and last day, inclusive (UTC days). */
  from: day.optional(),
  to: day.optional(),
  /** A record's id (exact) or part of its name: entries name every record they touched, purged ones too. */
  q: z.string().trim().min(1).max(100).optional(),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export const listAuditSchema = auditFilterSchema.extend(pageRequestShape);
export type ListAuditInput = z.output<typeof listAuditSchema>;
