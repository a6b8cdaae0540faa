"use server";

import { applyChunkSchema, selectionFilterSchema } from "@/lib/bulk/schemas";
import { applySelectionChunk, createSelection } from "@/lib/bulk/selection";
import { defineAction } from "@/lib/doors/server-action";

export const createSelectionAction = defineAction(selectionFilterSchema, createSelection);
export const applySelectionChunkAction = defineAction(applyChunkSchema, applySelectionChunk);
