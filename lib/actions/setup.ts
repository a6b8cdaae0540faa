"use server";

import { resetPasswordWithLink } from "@/lib/account/reset";
import { definePublicAction } from "@/lib/doors/public-action";
import { acceptInvitation } from "@/lib/members/invitations";
import { acceptInvitationSchema, resetPasswordSchema } from "@/lib/members/schemas";
import { setupSchema } from "@/lib/setup/schemas";
import { setupInstallation } from "@/lib/setup/setup";

// The doors of people not signed in yet: each answers with the email to sign in with.
export const setupAction = definePublicAction(setupSchema, setupInstallation);
export const acceptInvitationAction = definePublicAction(acceptInvitationSchema, acceptInvitation);
export const resetPasswordAction = definePublicAction(resetPasswordSchema, resetPasswordWithLink);
