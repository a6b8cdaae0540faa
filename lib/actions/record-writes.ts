"use server";

import { defineAction } from "@/lib/doors/server-action";
import { addNote, createRecord, updateRecord } from "@/lib/records/edit";
import { addNoteSchema, createRecordSchema, updateRecordSchema } from "@/lib/records/write-schemas";

export const createRecordAction = defineAction(createRecordSchema, createRecord);
export const updateRecordAction = defineAction(updateRecordSchema, updateRecord);
export const addNoteAction = defineAction(addNoteSchema, addNote);
