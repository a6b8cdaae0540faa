import { createRecordEndpoint, listRecordsEndpoint } from "@/lib/api/dialects/solapi";
import { methodNotAllowed } from "@/lib/doors/api-route";

export const GET = listRecordsEndpoint.handler;
export const POST = createRecordEndpoint.handler;
// Any other method answers the dialect's JSON 405 with the Allow header.
export const { PUT, PATCH, DELETE } = methodNotAllowed(listRecordsEndpoint, createRecordEndpoint);
