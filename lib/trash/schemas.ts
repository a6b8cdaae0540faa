import { z } from "zod";
import { pageRequestShape } from "@/lib/pagination/keyset";
import { recordIdSchema } from "@/lib/records/schemas";
import { searchTermSchema } from "@/lib/records/search";

export const trashScopeSchema = z.enum(["mine", "all"]);
export type TrashScope = z.infer<typeof trashScopeSchema>;

/** What a trash view shows; also what "select all matching" in the trash snapshots. */
export const trashFilterSchema = z.object({
  scope: trashScopeSchema.optional(),
  entity: z.string().trim().min(1).max(64).optional(),
  deletedBy: z.string().trim().min(1).max(64).optional(),
  expiringWithinHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .optional(),
  q: searchTermSchema.optional(),
  /** One delete action's records (its Undo batch, as the audit log names it). */
  batch: z.string().uuid("Not a delete batch id").optional(),
  /** Deleted between these UTC days, both included. */
  deletedFrom: z.iso.date("A day is written YYYY-MM-DD").optional(),
  deletedTo: z.iso.date("A day is written YYYY-MM-DD").optional(),
});
export type TrashFilter = z.output<typeof trashFilterSchema>;

export const listTrashSchema = trashFilterSchema.extend({
  sort: z.enum(["purge", "recent"]).default("purge"),
  ...pageRequestShape,
});
export type ListTrashInput = z.output<typeof listTrashSchema>;
/** The trash query as a URL or a client sends it, before parsing. */
export type TrashQuery = z.input<typeof listTrashSchema>;

export const holdSchema = z.object({ id: recordIdSchema, hold: z.boolean({ error: "hold must be true or false" }) });

/** The batches of one delete action (a "select all" run has one per chunk). */
export const undoDeleteSchema = z.object({
  batchIds: z.array(z.string().uuid("Not a delete batch id")).min(1).max(100),
});

export const emptyTrashSchema = z.object({ confirmation: z.string({ error: "Type the confirmation text" }).max(100) });

/** The purge notice takes nothing: it is always about the caller's own deletions. */
export const expiringSoonSchema = z.object({});
