import { listEntitiesEndpoint } from "@/lib/api/crm-core";

export const GET = listEntitiesEndpoint.handler;
