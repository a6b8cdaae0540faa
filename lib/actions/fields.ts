"use server";

import { defineAction } from "@/lib/doors/server-action";
import { addField, updateField } from "@/lib/fields/manage";
import { addFieldSchema, updateFieldSchema } from "@/lib/fields/schemas";

export const addFieldAction = defineAction(addFieldSchema, addField);
export const updateFieldAction = defineAction(updateFieldSchema, updateField);
