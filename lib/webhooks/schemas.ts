import { z } from "zod";

export const saveWebhookSchema = z.object({
  url: z.string().trim().min(1, "Enter the URL that receives the digest").max(2_000, "At most 2,000 characters"),
});
export type SaveWebhookInput = z.output<typeof saveWebhookSchema>;

/** The webhook doors that take nothing but the caller. */
export const noInputSchema = z.object({});
