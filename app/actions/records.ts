"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { softDeleteRecords } from "@/lib/records/delete";
import { hardDeleteRecords } from "@/lib/records/destroy";
import { restoreRecords, undoDelete } from "@/lib/records/restore";

// The dashboard always fires on-delete automations; only the API may turn them off.
export const deleteRecordsAction = defineAction((actor, input: { ids: string[] }, now) => softDeleteRecords(actor, { ids: input.ids, fireAutomations: true }, now));
export const restoreRecordsAction = defineAction((actor, input: { ids: string[] }, now) => restoreRecords(actor, { ids: input.ids }, now));
export const undoDeleteAction = defineAction((actor, input: { batchId: string }, now) => undoDelete(actor, input, now));
export const hardDeleteRecordsAction = defineAction((actor, input: { ids: string[] }, now) => hardDeleteRecords(actor, { ids: input.ids }, now));
