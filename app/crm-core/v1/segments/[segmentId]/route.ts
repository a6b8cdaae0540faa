import { deleteSegmentEndpoint } from "@/lib/api/dialects/solapi";
import { methodNotAllowed } from "@/lib/doors/api-route";

export const DELETE = deleteSegmentEndpoint.handler;
// Any other method answers the dialect's JSON 405 with the Allow header.
export const { GET, POST, PUT, PATCH } = methodNotAllowed(deleteSegmentEndpoint);
