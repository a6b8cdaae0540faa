import { moduleFieldsEndpoint } from "@/lib/api/zoho";

export const GET = moduleFieldsEndpoint.handler;
