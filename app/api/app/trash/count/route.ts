import { sessionRoute } from "@/lib/actions/session-route";
import { countTrash } from "@/lib/trash/list";

export const GET = sessionRoute(async (actor) => ({ count: await countTrash(actor) }));
