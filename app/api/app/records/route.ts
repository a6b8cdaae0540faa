import { searchParamsOf, sessionRoute } from "@/lib/actions/session-route";
import { listRecords } from "@/lib/records/list";

export const GET = sessionRoute((actor, request) => listRecords(actor, searchParamsOf(request)));
