import { z } from "zod";
import { sessionRoute } from "@/lib/doors/session-route";
import { listSegments } from "@/lib/segments/list";

export const GET = sessionRoute(z.object({}), (actor) => listSegments(actor));
