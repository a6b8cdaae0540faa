"use server";

import { defineAction } from "@/lib/doors/server-action";
import { destroyRecords } from "@/lib/purge/destroy";
import { recordIdsInputSchema } from "@/lib/records/schemas";
import { softDeleteRecords } from "@/lib/trash/delete";
import { destroyRecordsNow } from "@/lib/trash/destroy-now";
import { restoreRecords, undoDelete } from "@/lib/trash/restore";
import { undoDeleteSchema } from "@/lib/trash/schemas";

// The dashboard always runs on-delete automations (wf_trigger=false is for integrations).
export const deleteRecordsAction = defineAction(recordIdsInputSchema, (actor, { ids }, now) =>
  softDeleteRecords(actor, { ids, fireAutomations: true }, now),
);
export const restoreRecordsAction = defineAction(recordIdsInputSchema, restoreRecords);
export const undoDeleteAction = defineAction(undoDeleteSchema, undoDelete);
export const destroyRecordsAction = defineAction(recordIdsInputSchema, destroyRecords);
export const destroyRecordsNowAction = defineAction(recordIdsInputSchema, destroyRecordsNow);
