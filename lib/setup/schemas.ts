import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password-rules";

export const personNameSchema = z.string().trim().min(1, "Enter a name").max(100, "At most 100 characters");
export const emailSchema = z.string().trim().toLowerCase().email("Enter an email address").max(320);
export const workspaceNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a workspace name")
  .max(100, "At most 100 characters");

export const setupSchema = z.object({
  workspaceName: workspaceNameSchema,
  name: personNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  code: z.string().trim().min(1, "Enter the setup code from the server's log").max(200),
});
export type SetupInput = z.output<typeof setupSchema>;
