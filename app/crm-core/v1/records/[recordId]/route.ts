import { deleteRecordEndpoint, getRecordEndpoint, updateRecordEndpoint } from "@/lib/api/dialects/solapi";
import { methodNotAllowed } from "@/lib/doors/api-route";

export const GET = getRecordEndpoint.handler;
export const PATCH = updateRecordEndpoint.handler;
export const DELETE = deleteRecordEndpoint.handler;
// Any other method answers the dialect's JSON 405 with the Allow header.
export const { POST, PUT } = methodNotAllowed(getRecordEndpoint, updateRecordEndpoint, deleteRecordEndpoint);
