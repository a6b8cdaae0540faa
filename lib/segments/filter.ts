import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { searchTermSchema, searchWhere } from "@/lib/records/search";
import { RECORD_FIELDS } from "@/lib/universal/record-fields";

/** A segment's saved filter: record fields and attribute conditions, all of which must hold. */
export const conditionSchema = z.object({
  field: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "Field names are letters, digits and _"),
  op: z.enum(["equals", "not_equals", "contains"]),
  value: z.string().trim().max(200),
});

export const segmentFilterSchema = z.object({
  q: searchTermSchema.optional(),
  conditions: z.array(conditionSchema).max(10).default([]),
});

export type SegmentFilter = z.infer<typeof segmentFilterSchema>;
export type Condition = z.infer<typeof conditionSchema>;

function conditionWhere(c: Condition): Prisma.RecordWhereInput {
  // Own keys only: a field named "__proto__" or "constructor" is an attribute like any other.
  const column = Object.hasOwn(RECORD_FIELDS, c.field)
    ? RECORD_FIELDS[c.field as keyof typeof RECORD_FIELDS]
    : undefined;
  if (column) {
    if (c.op === "equals") return { [column]: { equals: c.value, mode: "insensitive" } };
    if (c.op === "not_equals") return { NOT: { [column]: { equals: c.value, mode: "insensitive" } } };
    return { [column]: { contains: c.value, mode: "insensitive" } };
  }
  if (c.op === "equals") return { attributes: { path: [c.field], equals: c.value } };
  if (c.op === "not_equals") return { NOT: { attributes: { path: [c.field], equals: c.value } } };
  return { attributes: { path: [c.field], string_contains: c.value } };
}

/** The filter as a Prisma where clause; the caller adds the workspace and live-row scope. */
export function filterWhere(filter: SegmentFilter): Prisma.RecordWhereInput {
  return { AND: [searchWhere(filter.q), ...filter.conditions.map(conditionWhere)] };
}

/** A filter with neither a search nor a condition: every live record of the entity matches. */
export function isEmptyFilter(filter: SegmentFilter): boolean {
  return !filter.q?.trim() && filter.conditions.length === 0;
}
