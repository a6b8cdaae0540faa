"use server";

import { defineAction } from "@/lib/doors/server-action";
import { emptyTrash } from "@/lib/trash/empty";
import { setHold } from "@/lib/trash/hold";
import { emptyTrashSchema, holdSchema } from "@/lib/trash/schemas";
import { retentionImpact, retentionSchema, updateRetention } from "@/lib/workspace";

export const emptyTrashAction = defineAction(emptyTrashSchema, (actor, input, now) => emptyTrash(actor, input, now));
export const setHoldAction = defineAction(holdSchema, setHold);
export const updateRetentionAction = defineAction(retentionSchema, updateRetention);
export const retentionImpactAction = defineAction(retentionSchema, retentionImpact);
