"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { createSegment } from "@/lib/segments/create";
import { deleteSegment } from "@/lib/segments/delete";
import type { CreateSegmentInput } from "@/lib/segments/schemas";

export const createSegmentAction = defineAction((actor, input: CreateSegmentInput, now) => createSegment(actor, input, now));
export const deleteSegmentAction = defineAction((actor, input: { id: string }, now) => deleteSegment(actor, input, now));
