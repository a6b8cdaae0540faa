import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

export const listRecordsSchema = z.object({
  entity: z.string().trim().min(1).max(64).optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(300).optional(),
  direction: z.enum(["next", "prev"]).default("next"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListRecordsInput = z.input<typeof listRecordsSchema>;

export const recordIdSchema = z.string().trim().min(1, "A record id cannot be empty").max(64, "A record id is at most 64 characters");

export const MAX_BULK_IDS = 1000;

/** 1..1000 string ids, de-duplicated in request order. Over the cap is LIMIT_EXCEEDED. */
export const recordIdsSchema = z
  .array(recordIdSchema, { error: "ids must be an array of record ids" })
  .min(1, "Give at least one record id")
  .transform((ids) => [...new Set(ids)]);

export function parseRecordIds(raw: unknown, field = "ids"): string[] {
  if (Array.isArray(raw) && new Set(raw).size > MAX_BULK_IDS) {
    throw new AppError("LIMIT_EXCEEDED", `At most ${MAX_BULK_IDS} records per call; split the work into chunks.`, field);
  }
  return parseInput(z.object({ [field]: recordIdsSchema }), { [field]: raw })[field] as string[];
}
