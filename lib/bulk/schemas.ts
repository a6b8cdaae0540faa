import { z } from "zod";
import { listTrashSchema } from "@/lib/trash/schemas";

export const CHUNK_SIZE = 1000;
/** A snapshot larger than this is refused: narrow the filter instead. */
export const MAX_SELECTION = 100_000;
export const SELECTION_TTL_MS = 30 * 60_000;

const trashFilter = listTrashSchema.pick({ scope: true, entity: true, deletedBy: true, expiringWithinHours: true, q: true });

/** What "select all matching" means: always an explicit filter, never "everything" by accident. */
export const selectionFilterSchema = z.discriminatedUnion("scope", [
  z.object({ scope: z.literal("records"), entity: z.string().trim().min(1, "Choose a record type").max(64), q: z.string().trim().max(200).optional() }),
  z.object({ scope: z.literal("trash"), filter: trashFilter }),
]);
export type SelectionFilter = z.infer<typeof selectionFilterSchema>;

export const selectionActionSchema = z.enum(["delete", "restore", "destroy"]);
export type SelectionAction = z.infer<typeof selectionActionSchema>;

export const applyChunkSchema = z.object({
  token: z.string().trim().min(1).max(64),
  /** The count the user typed in the confirm dialog; it must equal the snapshot's size. */
  confirmCount: z.number().int().min(1),
  action: selectionActionSchema,
  chunk: z.number().int().min(0),
});
