import { z } from "zod";
import { FIELD_NAME, FIELD_TYPES } from "@/lib/universal/fields";

const entityRef = z.string().trim().min(1, "Choose the record type").max(64);
const label = z.string().trim().min(1, "Give the field a label").max(80, "At most 80 characters");
const option = z.string().trim().min(1, "An option cannot be empty").max(80, "At most 80 characters per option");
const options = z
  .array(option)
  .max(100, "At most 100 options")
  .transform((list) => [...new Set(list)]);

export const listFieldsSchema = z.object({ entity: entityRef });

export const addFieldSchema = z
  .object({
    entity: entityRef,
    name: z
      .string()
      .trim()
      .regex(FIELD_NAME, "A name starts with a letter and holds only letters, digits and _ (at most 64)"),
    label,
    type: z.enum(FIELD_TYPES, { error: "Choose a type" }),
    required: z.boolean().default(false),
    options: options.default([]),
  })
  .refine((f) => f.type !== "SELECT" || f.options.length > 0, {
    message: "A single select needs at least one option",
    path: ["options"],
  });
export type AddFieldInput = z.output<typeof addFieldSchema>;

/** Rename the label, add options (never remove: records may hold them), retire or bring back. */
export const updateFieldSchema = z.object({
  id: z.string().trim().min(1).max(64),
  label: label.optional(),
  addOptions: options.optional(),
  retired: z.boolean().optional(),
});
export type UpdateFieldInput = z.output<typeof updateFieldSchema>;
