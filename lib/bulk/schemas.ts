import { z } from "zod";
import { MAX_BULK_IDS } from "@/lib/records/schemas";
import { searchTermSchema } from "@/lib/records/search";
import { trashFilterSchema } from "@/lib/trash/schemas";

/** A snapshot is worked through in chunks of the bulk cap: each chunk is one ordinary bulk call. */
export const CHUNK_SIZE = MAX_BULK_IDS;
/** A snapshot larger than this is refused: narrow the filter instead. */
export const MAX_SELECTION = 100_000;
export const SELECTION_TTL_MS = 30 * 60_000;
/** Live snapshots one person may hold at once; creating another drops their oldest. */
export const MAX_LIVE_SELECTIONS = 5;

/** What "select all matching" means: always an explicit filter, never "everything" by accident. */
export const selectionFilterSchema = z.discriminatedUnion("scope", [
  z.object({
    scope: z.literal("records"),
    entity: z.string().trim().min(1, "Choose a record type").max(64),
    q: searchTermSchema.optional(),
  }),
  z.object({ scope: z.literal("trash"), filter: trashFilterSchema }),
]);
export type SelectionFilter = z.output<typeof selectionFilterSchema>;
export type SelectionRequest = z.input<typeof selectionFilterSchema>;

export const selectionActionSchema = z.enum(["delete", "restore", "destroy"]);
export type SelectionAction = z.infer<typeof selectionActionSchema>;

export const applyChunkSchema = z.object({
  token: z.string().trim().min(1).max(64),
  /** The count the user typed in the confirm dialog; it must equal the snapshot's size. */
  confirmCount: z.number().int().min(1),
  action: selectionActionSchema,
  chunk: z.number().int().min(0),
  /** A move to the trash: false skips the entity's on-delete automations (ADMIN+), as the record dialog does. */
  runAutomations: z.boolean({ error: "runAutomations must be true or false" }).optional(),
});
export type ApplyChunkInput = z.output<typeof applyChunkSchema>;
