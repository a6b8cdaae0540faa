import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password-rules";
import { personNameSchema } from "@/lib/setup/schemas";

export const updateNameSchema = z.object({ name: personNameSchema });
export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(200),
  newPassword: newPasswordSchema,
});
export const switchWorkspaceSchema = z.object({ workspaceId: z.string().trim().min(1).max(100) });
export const noInputSchema = z.object({}).strict();

export type ChangePasswordInput = z.output<typeof changePasswordSchema>;
