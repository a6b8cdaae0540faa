import { bulkRestoreEndpoint } from "@/lib/api/crm-core";

export const POST = bulkRestoreEndpoint.handler;
