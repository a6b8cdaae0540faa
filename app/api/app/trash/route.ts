import { sessionRoute } from "@/lib/doors/session-route";
import { listTrash } from "@/lib/trash/list";
import { listTrashSchema } from "@/lib/trash/schemas";

export const GET = sessionRoute(listTrashSchema, listTrash);
