import { sessionRoute } from "@/lib/doors/session-route";
import { listRecords } from "@/lib/records/list";
import { listRecordsSchema } from "@/lib/records/schemas";

export const GET = sessionRoute(listRecordsSchema, listRecords);
