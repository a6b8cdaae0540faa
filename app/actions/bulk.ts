"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { applySelectionChunk, createSelection } from "@/lib/bulk/selection";
import type { SelectionAction, SelectionFilter } from "@/lib/bulk/schemas";

export const createSelectionAction = defineAction((actor, input: SelectionFilter, now) => createSelection(actor, input, now));
export const applySelectionChunkAction = defineAction(
  (actor, input: { token: string; confirmCount: number; action: SelectionAction; chunk: number }, now) => applySelectionChunk(actor, input, now),
);
