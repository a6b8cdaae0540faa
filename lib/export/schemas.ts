import { z } from "zod";
import { listRecordsSchema, recordIdSchema } from "@/lib/records/schemas";
import { trashFilterSchema } from "@/lib/trash/schemas";

/** The most rows a selection export names by id: a page of the trash at its largest. */
export const MAX_EXPORT_IDS = 200;

/** The records view's filter, as its URL has it: the same entity and search as the list. */
export const recordsViewFilterSchema = listRecordsSchema.pick({ entity: true, q: true });
export type RecordsViewFilter = z.output<typeof recordsViewFilterSchema>;

/** A trash view ("all matching"), or only the selected rows of it: `ids=a,b,c`. */
export const trashExportSchema = trashFilterSchema.extend({
  ids: z
    .string()
    .max(MAX_EXPORT_IDS * 70)
    .transform((text) =>
      text
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(recordIdSchema)
        .min(1, "Select at least one record")
        .max(MAX_EXPORT_IDS, `At most ${MAX_EXPORT_IDS} selected records; export the whole view instead`),
    )
    .optional(),
});

/** One record, named in the path. */
export const recordExportSchema = z.object({ id: recordIdSchema });
