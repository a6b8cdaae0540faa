import { deleteModuleRecordsEndpoint } from "@/lib/api/zoho";

export const DELETE = deleteModuleRecordsEndpoint.handler;
