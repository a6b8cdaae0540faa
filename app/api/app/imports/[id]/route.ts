import { sessionRoute } from "@/lib/doors/session-route";
import { importView } from "@/lib/imports/jobs";
import { importIdSchema } from "@/lib/imports/schemas";

// An import's progress and result, polled by its page while it runs.
export async function GET(request: Request, context: { params: Promise<unknown> }) {
  const params = await context.params;
  return sessionRoute(importIdSchema, importView, () => params)(request);
}
