import { restoreRecordEndpoint } from "@/lib/api/crm-core";

export const POST = restoreRecordEndpoint.handler;
