import { listRecordsEndpoint } from "@/lib/api/crm-core";

export const GET = listRecordsEndpoint.handler;
