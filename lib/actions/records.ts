"use server";

import { defineAction } from "@/lib/doors/server-action";
import { destroyRecords } from "@/lib/purge/destroy";
import { deleteRecordsInputSchema, destroyRecordsInputSchema, recordIdsInputSchema } from "@/lib/records/schemas";
import { deleteFromDashboard } from "@/lib/trash/delete";
import { destroyRecordsNow } from "@/lib/trash/destroy-now";
import { restoreRecords, undoDelete } from "@/lib/trash/restore";
import { undoDeleteSchema } from "@/lib/trash/schemas";

// On-delete automations run unless an ADMIN+ unticks them in the dialog (lib/trash/delete.ts).
export const deleteRecordsAction = defineAction(deleteRecordsInputSchema, deleteFromDashboard);
export const restoreRecordsAction = defineAction(recordIdsInputSchema, restoreRecords);
export const undoDeleteAction = defineAction(undoDeleteSchema, undoDelete);
export const destroyRecordsAction = defineAction(destroyRecordsInputSchema, (actor, { ids }, now) =>
  destroyRecords(actor, { ids }, now),
);
export const destroyRecordsNowAction = defineAction(destroyRecordsInputSchema, (actor, { ids }, now) =>
  destroyRecordsNow(actor, { ids }, now),
);
