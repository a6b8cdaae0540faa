import { moduleFieldsEndpoint } from "@/lib/api/dialects/zoho";
import { methodNotAllowed } from "@/lib/doors/api-route";

export const GET = moduleFieldsEndpoint.handler;
// Any other method answers the dialect's JSON 405 with the Allow header.
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(moduleFieldsEndpoint);
