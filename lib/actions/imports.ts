"use server";

import { defineAction } from "@/lib/doors/server-action";
import { cancelImport, dryRunImport, previewImport, startImport } from "@/lib/imports/jobs";
import { importIdSchema, importSettingsSchema } from "@/lib/imports/schemas";

// The steps of a dashboard CSV import after its upload (app/api/app/imports/upload): MEMBER+.
export const previewImportAction = defineAction(importSettingsSchema, previewImport);
export const dryRunImportAction = defineAction(importSettingsSchema, dryRunImport);
export const startImportAction = defineAction(importSettingsSchema, startImport);
export const cancelImportAction = defineAction(importIdSchema, cancelImport);
