import { bulkDeleteFromListEndpoint } from "@/lib/api/dialects/talkdesk";
import { methodNotAllowed } from "@/lib/doors/api-route";

export const DELETE = bulkDeleteFromListEndpoint.handler;
// Any other method answers the dialect's JSON 405 with the Allow header.
export const { GET, POST, PUT, PATCH } = methodNotAllowed(bulkDeleteFromListEndpoint);
