import { bulkRestoreEndpoint } from "@/lib/api/dialects/solapi";
import { methodNotAllowed } from "@/lib/doors/api-route";

export const POST = bulkRestoreEndpoint.handler;
// Any other method answers the dialect's JSON 405 with the Allow header.
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(bulkRestoreEndpoint);
