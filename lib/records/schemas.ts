import { z } from "zod";

export const listRecordsSchema = z.object({
  entity: z.string().trim().min(1).max(64).optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(300).optional(),
  direction: z.enum(["next", "prev"]).default("next"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListRecordsInput = z.input<typeof listRecordsSchema>;

export const recordIdSchema = z.string().trim().min(1, "A record id is required").max(64);
