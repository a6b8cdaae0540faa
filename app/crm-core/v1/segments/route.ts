import { listSegmentsEndpoint } from "@/lib/api/crm-core";

export const GET = listSegmentsEndpoint.handler;
