import { z } from "zod";
import { scopeSchema } from "./scopes";

export const apiKeyNameSchema = z.string().trim().min(1, "Give the key a name").max(80, "At most 80 characters");

export const createApiKeySchema = z.object({
  name: apiKeyNameSchema,
  /** Omitted: every scope the creator's role allows. */
  scopes: z
    .array(scopeSchema)
    .min(1, "Choose at least one scope")
    .max(10)
    .transform((s) => [...new Set(s)])
    .optional(),
});
export type CreateApiKeyInput = z.output<typeof createApiKeySchema>;

export const apiKeyRefSchema = z.object({ id: z.string().trim().min(1).max(64) });
