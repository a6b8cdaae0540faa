import { z } from "zod";
import { pageRequestShape } from "@/lib/pagination/keyset";
import { conditionSchema, segmentFilterSchema } from "./filter";

export const segmentIdSchema = z
  .string()
  .trim()
  .min(1, "A segment id cannot be empty")
  .max(64, "A segment id is at most 64 characters");
const entitySchema = z.string().trim().min(1, "Choose an entity").max(64);

/**
 * What a new segment needs. A segment without any condition or search term would be "every
 * record of the entity": refused, so a segment is always a deliberate filter.
 */
export const createFilterSchema = segmentFilterSchema
  .extend({
    conditions: z
      .array(conditionSchema.extend({ value: conditionSchema.shape.value.min(1, "Give a value") }))
      .max(10, "At most 10 conditions")
      .default([]),
  })
  .refine((f) => f.conditions.length > 0 || !!f.q, { message: "Add at least one condition", path: ["conditions"] });

export const createSegmentSchema = z.object({
  name: z.string().trim().min(1, "Give the segment a name").max(100, "At most 100 characters"),
  entity: entitySchema,
  filter: createFilterSchema,
});
export type CreateSegmentInput = z.output<typeof createSegmentSchema>;
/** What the New segment dialog sends, before parsing. */
export type CreateSegmentRequest = z.input<typeof createSegmentSchema>;

/** A live count while the filter is being written; conditions may still be empty. */
export const previewSegmentSchema = z.object({ entity: entitySchema, filter: segmentFilterSchema });
export type PreviewSegmentInput = z.output<typeof previewSegmentSchema>;

/** Delete and get: one segment by id. */
export const segmentRefSchema = z.object({ id: segmentIdSchema });

export const segmentMembersSchema = z.object({ id: segmentIdSchema, ...pageRequestShape });
export type SegmentMembersInput = z.output<typeof segmentMembersSchema>;
