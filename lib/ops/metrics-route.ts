import "server-only";
import crypto from "node:crypto";
import { clusterMetricsText } from "./cluster-metrics";
import { log } from "./logger";
import { metrics } from "./metrics";
import { refreshTrashGauges } from "./trash-gauges";

const notFound = () => new Response("Not Found", { status: 404, headers: { "cache-control": "no-store" } });

function sameSecret(a: string, b: string): boolean {
  const ha = crypto.createHash("sha256").update(a).digest();
  const hb = crypto.createHash("sha256").update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}

/**
 * GET /api/metrics: Prometheus text, for a scraper holding `Authorization: Bearer $METRICS_TOKEN`.
 * Without METRICS_TOKEN set the endpoint does not exist (404); a wrong or missing token is 401.
 */
export async function metricsResponse(
  request: Request,
  env: Record<string, string | undefined> = process.env,
): Promise<Response> {
  const token = env.METRICS_TOKEN;
  if (!token) return notFound();
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!sameSecret(given, token))
    return new Response("Unauthorized", {
      status: 401,
      headers: { "www-authenticate": 'Bearer realm="metrics"', "cache-control": "no-store" },
    });
  await refreshTrashGauges().catch((error) => log("metrics").warn({ err: error }, "trash gauges not refreshed"));
  const { registry } = metrics();
  return new Response(await metricsText(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}

const TRASH_GAUGES = ["crm_trash_records", "crm_trash_expiring_24h_records"];

/** This process's metrics; under workers, the whole cluster's, with the trash gauges as this worker just read them. */
async function metricsText(): Promise<string> {
  const { registry } = metrics();
  const cluster = await clusterMetricsText();
  if (cluster === null) return registry.metrics();
  const own = await Promise.all(TRASH_GAUGES.map((name) => registry.getSingleMetricAsString(name)));
  return `${cluster}\n${own.join("\n\n")}\n`;
}
