import { deleteModuleRecordEndpoint } from "@/lib/api/zoho";

export const DELETE = deleteModuleRecordEndpoint.handler;
