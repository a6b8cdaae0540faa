import { z } from "zod";
import { pageRequestShape } from "@/lib/pagination/keyset";

export const listAuditSchema = z.object({
  /** An action or a prefix of one ("records." for every record action). */
  action: z.string().trim().max(64).regex(/^[a-zA-Z.]*$/, "An action is letters and dots").optional(),
  ...pageRequestShape,
});
export type ListAuditInput = z.output<typeof listAuditSchema>;
