import { bulkDeleteEndpoint } from "@/lib/api/crm-core";

export const POST = bulkDeleteEndpoint.handler;
