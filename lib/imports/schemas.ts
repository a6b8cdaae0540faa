import { z } from "zod";

// What the import doors accept (dashboard upload, its settings, cancel, reads).

const entity = z.string().trim().min(1, "Choose a record type").max(64);
export const importIdSchema = z.object({ id: z.string().trim().min(1).max(64) });

export const uploadImportSchema = z.object({
  entity,
  name: z
    .string()
    .trim()
    .max(200, "At most 200 characters")
    .optional()
    .transform((v) => v || "import.csv"),
});

/** Header cell → target ("" skips the column); checked against the file's header and the entity's fields. */
export const importSettingsSchema = importIdSchema.extend({
  mapping: z.record(z.string().max(500), z.string().max(100)),
  mode: z.enum(["upsert", "create"]),
  runAutomations: z.boolean().default(true),
});

export const listImportsSchema = z.object({ entity });

export type ImportSettings = z.output<typeof importSettingsSchema>;
