import { z } from "zod";
import { ROLES } from "@/lib/permissions";
import { newPasswordSchema } from "@/lib/auth/password-rules";
import { emailSchema, personNameSchema } from "@/lib/setup/schemas";

export const roleSchema = z.enum(ROLES as ["VIEWER", "MEMBER", "ADMIN", "OWNER"], {
  error: "Role must be VIEWER, MEMBER, ADMIN or OWNER",
});
const idSchema = z.string().trim().min(1).max(100);
const tokenSchema = z.string().trim().min(1, "The link is incomplete").max(200);

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });
export const invitationRefSchema = z.object({ id: idSchema });
export const memberRefSchema = z.object({ userId: idSchema });
export const changeRoleSchema = z.object({ userId: idSchema, role: roleSchema });

/** Accepting: a new person gives a name and a new password; an existing user proves it is them with theirs. */
export const acceptInvitationSchema = z.object({
  token: tokenSchema,
  name: personNameSchema.optional(),
  password: newPasswordSchema.optional(),
  currentPassword: z.string().max(200, "A password has at most 200 characters").optional(),
});
export const resetPasswordSchema = z.object({ token: tokenSchema, password: newPasswordSchema });

export type InviteInput = z.output<typeof inviteSchema>;
export type ChangeRoleInput = z.output<typeof changeRoleSchema>;
export type AcceptInvitationInput = z.output<typeof acceptInvitationSchema>;
