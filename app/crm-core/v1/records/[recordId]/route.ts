import { deleteRecordEndpoint, getRecordEndpoint } from "@/lib/api/crm-core";

export const GET = getRecordEndpoint.handler;
export const DELETE = deleteRecordEndpoint.handler;
