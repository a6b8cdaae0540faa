import { searchParamsOf, sessionRoute } from "@/lib/actions/session-route";
import { listTrash } from "@/lib/trash/list";

export const GET = sessionRoute((actor, request) => listTrash(actor, searchParamsOf(request), new Date()));
