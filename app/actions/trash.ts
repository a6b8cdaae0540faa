"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { emptyTrash } from "@/lib/trash/empty";
import { setHold } from "@/lib/trash/hold";
import { updateRetention } from "@/lib/workspace";

export const emptyTrashAction = defineAction((actor, input: { confirmation: string }, now) => emptyTrash(actor, input, now));
export const setHoldAction = defineAction((actor, input: { id: string; hold: boolean }, now) => setHold(actor, input, now));
export const updateRetentionAction = defineAction((actor, input: { retentionDays: number }) => updateRetention(actor, input));
