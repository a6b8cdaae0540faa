import { getObjectRecordEndpoint, destroyRecordEndpoint } from "@/lib/api/dialects/zeeg";
import { methodNotAllowed } from "@/lib/doors/api-route";

export const GET = getObjectRecordEndpoint.handler;
export const DELETE = destroyRecordEndpoint.handler;
// Any other method answers the dialect's JSON 405 with the Allow header.
export const { POST, PUT, PATCH } = methodNotAllowed(getObjectRecordEndpoint, destroyRecordEndpoint);
