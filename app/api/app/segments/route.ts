import { sessionRoute } from "@/lib/actions/session-route";
import { listSegments } from "@/lib/segments/list";

export const GET = sessionRoute((actor) => listSegments(actor));
