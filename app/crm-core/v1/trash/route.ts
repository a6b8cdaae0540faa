import { listTrashEndpoint } from "@/lib/api/dialects/solapi";
import { methodNotAllowed } from "@/lib/doors/api-route";

export const GET = listTrashEndpoint.handler;
// Any other method answers the dialect's JSON 405 with the Allow header.
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(listTrashEndpoint);
