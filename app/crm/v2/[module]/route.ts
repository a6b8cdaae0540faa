import { deleteModuleRecordsEndpoint } from "@/lib/api/dialects/zoho";
import { insertRecordsEndpoint, updateRecordsEndpoint } from "@/lib/api/dialects/zoho-writes";
import { methodNotAllowed } from "@/lib/doors/api-route";

export const POST = insertRecordsEndpoint.handler;
export const PUT = updateRecordsEndpoint.handler;
export const DELETE = deleteModuleRecordsEndpoint.handler;
// Any other method answers the dialect's JSON 405 with the Allow header.
export const { GET, PATCH } = methodNotAllowed(
  insertRecordsEndpoint,
  updateRecordsEndpoint,
  deleteModuleRecordsEndpoint,
);
