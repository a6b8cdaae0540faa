"use server";

import { defineAction } from "@/lib/doors/server-action";
import { createSegment } from "@/lib/segments/create";
import { deleteSegment } from "@/lib/segments/delete";
import { createSegmentSchema, segmentRefSchema } from "@/lib/segments/schemas";

export const createSegmentAction = defineAction(createSegmentSchema, createSegment);
export const deleteSegmentAction = defineAction(segmentRefSchema, deleteSegment);
