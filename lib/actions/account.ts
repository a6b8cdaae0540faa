"use server";

import { changePassword, signOutEverywhere, switchWorkspace, updateName } from "@/lib/account/account";
import { changePasswordSchema, noInputSchema, switchWorkspaceSchema, updateNameSchema } from "@/lib/account/schemas";
import { reissueSession } from "@/lib/auth/session-cookie";
import { defineAction } from "@/lib/doors/server-action";

export const updateNameAction = defineAction(updateNameSchema, updateName);

// These end every other session: this browser's own token is re-signed with the new version.
export const changePasswordAction = defineAction(changePasswordSchema, async (actor, input, now) => {
  const result = await changePassword(actor, input, now);
  await reissueSession({ sessionVersion: result.sessionVersion });
  return result;
});
export const signOutEverywhereAction = defineAction(noInputSchema, async (actor) => {
  const result = await signOutEverywhere(actor);
  await reissueSession({ sessionVersion: result.sessionVersion });
  return result;
});
export const switchWorkspaceAction = defineAction(switchWorkspaceSchema, async (actor, input) => {
  const result = await switchWorkspace(actor, input);
  await reissueSession({ workspaceId: result.workspaceId, role: result.role });
  return result;
});
