import { z } from "zod";
import { listApiKeys } from "@/lib/api-keys/manage";
import { sessionRoute } from "@/lib/doors/session-route";

export const GET = sessionRoute(z.object({}), (actor) => listApiKeys(actor));
