import { deleteModuleRecordEndpoint } from "@/lib/api/dialects/zoho";
import { methodNotAllowed } from "@/lib/doors/api-route";

export const DELETE = deleteModuleRecordEndpoint.handler;
// Any other method answers the dialect's JSON 405 with the Allow header.
export const { GET, POST, PUT, PATCH } = methodNotAllowed(deleteModuleRecordEndpoint);
