import { bulkDeleteFromListEndpoint } from "@/lib/api/record-lists";

export const DELETE = bulkDeleteFromListEndpoint.handler;
