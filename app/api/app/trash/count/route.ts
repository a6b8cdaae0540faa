import { z } from "zod";
import { sessionRoute } from "@/lib/doors/session-route";
import { countTrash } from "@/lib/trash/counts";

export const GET = sessionRoute(z.object({}), async (actor) => ({ count: await countTrash(actor) }));
