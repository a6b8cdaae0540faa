import { sessionRoute } from "@/lib/doors/session-route";
import { importView } from "@/lib/imports/jobs";
import { importIdSchema } from "@/lib/imports/schemas";

// An import's progress and result, polled by its page while it runs.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return sessionRoute(importIdSchema, importView, () => ({ id }))(request);
}
