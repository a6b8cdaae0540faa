"use server";

import { issuePasswordReset } from "@/lib/account/reset";
import { defineAction } from "@/lib/doors/server-action";
import { inviteMember, revokeInvitation } from "@/lib/members/invitations";
import { changeMemberRole, removeMember, transferOwnership } from "@/lib/members/manage";
import { changeRoleSchema, invitationRefSchema, inviteSchema, memberRefSchema } from "@/lib/members/schemas";

export const inviteMemberAction = defineAction(inviteSchema, inviteMember);
export const revokeInvitationAction = defineAction(invitationRefSchema, revokeInvitation);
export const changeMemberRoleAction = defineAction(changeRoleSchema, changeMemberRole);
export const removeMemberAction = defineAction(memberRefSchema, removeMember);
export const transferOwnershipAction = defineAction(memberRefSchema, transferOwnership);
export const issuePasswordResetAction = defineAction(memberRefSchema, issuePasswordReset);
