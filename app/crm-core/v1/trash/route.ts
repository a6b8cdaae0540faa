import { listTrashEndpoint } from "@/lib/api/crm-core";

export const GET = listTrashEndpoint.handler;
