import { sessionRoute } from "@/lib/doors/session-route";
import { countExpiringSoon } from "@/lib/trash/counts";
import { expiringSoonSchema } from "@/lib/trash/schemas";

export const GET = sessionRoute(expiringSoonSchema, countExpiringSoon);
