import { deleteSegmentEndpoint } from "@/lib/api/crm-core";

export const DELETE = deleteSegmentEndpoint.handler;
