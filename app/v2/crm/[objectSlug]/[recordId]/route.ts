import { getObjectRecordEndpoint, hardDeleteRecordEndpoint } from "@/lib/api/hard-delete";

export const GET = getObjectRecordEndpoint.handler;
export const DELETE = hardDeleteRecordEndpoint.handler;
