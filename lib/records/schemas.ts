import { z } from "zod";
import { AppError } from "@/lib/errors";
import { pageRequestShape } from "@/lib/pagination/keyset";
import { countToType, typedCountMatches } from "@/lib/universal/confirmations";
import { searchTermSchema } from "./search";

export const listRecordsSchema = z.object({
  entity: z.string().trim().min(1).max(64).optional(),
  q: searchTermSchema.optional(),
  ...pageRequestShape,
});
export type ListRecordsInput = z.output<typeof listRecordsSchema>;
/** The records query as a URL or a client sends it, before parsing. */
export type RecordsQuery = z.input<typeof listRecordsSchema>;

export const recordIdSchema = z
  .string()
  .trim()
  .min(1, "A record id cannot be empty")
  .max(64, "A record id is at most 64 characters");

/** The cap of every bulk call, whichever door it comes through. */
export const MAX_BULK_IDS = 1000;

export const BULK_CAP_MESSAGE = `At most ${MAX_BULK_IDS} records per call; split the work into chunks.`;

/**
 * The cap counts records, not what named them: every domain bulk call checks the distinct ids it
 * was handed (a phone number may name hundreds), before it changes anything.
 */
export function assertWithinBulkCap(ids: readonly string[]): void {
  if (new Set(ids).size > MAX_BULK_IDS) throw new AppError("LIMIT_EXCEEDED", BULK_CAP_MESSAGE, "ids");
}

/** 1..1000 string ids, de-duplicated in request order. Over the cap is LIMIT_EXCEEDED, not VALIDATION. */
export const recordIdsSchema = z
  .array(recordIdSchema, { error: "ids must be an array of record ids" })
  .min(1, "Give at least one record id")
  .transform((ids) => [...new Set(ids)])
  .superRefine((ids, ctx) => {
    if (ids.length > MAX_BULK_IDS) {
      ctx.addIssue({
        code: "custom",
        message: BULK_CAP_MESSAGE,
        params: { code: "LIMIT_EXCEEDED" },
      });
    }
  })
  // The cap as API documents show it (the refinement above enforces it, after de-duplication).
  .meta({ maxItems: MAX_BULK_IDS, description: `1 to ${MAX_BULK_IDS} record ids; duplicates count once` });

export const recordIdsInputSchema = z.object({ ids: recordIdsSchema });
export type RecordIdsInput = z.output<typeof recordIdsInputSchema>;

/** The dashboard's move to the trash: an ADMIN+ may choose not to run on-delete automations. */
export const deleteRecordsInputSchema = recordIdsInputSchema.extend({
  runAutomations: z.boolean({ error: "runAutomations must be true or false" }).optional(),
});

/**
 * The dashboard's permanent delete: two records or more need the count the person typed
 * (lib/universal/confirmations.ts), checked here as well as in the dialog.
 */
export const destroyRecordsInputSchema = recordIdsInputSchema
  .extend({ confirmCount: z.union([z.number(), z.string().max(20)]).optional() })
  .superRefine(({ ids, confirmCount }, ctx) => {
    if (countToType(ids.length) !== undefined && !typedCountMatches(confirmCount, ids.length)) {
      ctx.addIssue({
        code: "custom",
        path: ["confirmCount"],
        message: `Type the number of records (${ids.length.toLocaleString("en-US")}) to confirm a permanent delete.`,
      });
    }
  });

export const getRecordSchema = z.object({ id: recordIdSchema });
