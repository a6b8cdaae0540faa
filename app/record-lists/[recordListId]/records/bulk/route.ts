import { bulkCreateInListEndpoint, bulkDeleteFromListEndpoint } from "@/lib/api/dialects/talkdesk";
import { methodNotAllowed } from "@/lib/doors/api-route";

export const DELETE = bulkDeleteFromListEndpoint.handler;
export const POST = bulkCreateInListEndpoint.handler;
// Any other method answers the dialect's JSON 405 with the Allow header.
export const { GET, PUT, PATCH } = methodNotAllowed(bulkDeleteFromListEndpoint, bulkCreateInListEndpoint);
