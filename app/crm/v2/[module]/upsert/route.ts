import { upsertRecordsEndpoint } from "@/lib/api/dialects/zoho-writes";
import { methodNotAllowed } from "@/lib/doors/api-route";

export const POST = upsertRecordsEndpoint.handler;
// Any other method answers the dialect's JSON 405 with the Allow header.
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(upsertRecordsEndpoint);
