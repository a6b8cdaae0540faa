import "server-only";
import { checkReadiness } from "./health";

// Health answers are never cached, by anyone: a load balancer must see the state of now.
const NO_STORE = { "cache-control": "no-store" };

/** GET /api/health: liveness. The process answers; no database call, nothing secret. */
export function livenessResponse(): Response {
  return Response.json({ status: "ok" }, { headers: NO_STORE });
}

/** GET /api/health/ready: 200 when the database answers within 1 s and every migration is applied, else 503 with the reason. */
export async function readinessResponse(): Promise<Response> {
  const readiness = await checkReadiness();
  return readiness.ready
    ? Response.json({ status: "ready" }, { headers: NO_STORE })
    : Response.json({ status: "not_ready", reason: readiness.reason }, { status: 503, headers: NO_STORE });
}
