import { z } from "zod";

export const trashScopeSchema = z.enum(["mine", "all"]);
export type TrashScope = z.infer<typeof trashScopeSchema>;

export const listTrashSchema = z.object({
  scope: trashScopeSchema.optional(),
  entity: z.string().trim().min(1).max(64).optional(),
  deletedBy: z.string().trim().min(1).max(64).optional(),
  expiringWithinHours: z.coerce.number().int().min(1).max(24 * 365).optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(["purge", "recent"]).default("purge"),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListTrashInput = z.input<typeof listTrashSchema>;
