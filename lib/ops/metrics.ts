import client from "prom-client";
import { shareWithPrimary } from "./cluster-metrics";

/**
 * The process's Prometheus metrics (prom-client), all named crm_*. One registry per process,
 * on globalThis: the custom HTTP server counts requests, the bundled routes count API calls
 * and record changes, and GET /api/metrics serves them all.
 */
function createMetrics() {
  const registry = new client.Registry();
  shareWithPrimary(registry);
  client.collectDefaultMetrics({ register: registry, prefix: "crm_" });
  // Gauges whose names end in _total, which `promtool check metrics` refuses; the _total-less
  // crm_nodejs_active_*  of the same collector say the same.
  for (const name of ["active_handles_total", "active_requests_total", "active_resources_total"])
    registry.removeSingleMetric(`crm_nodejs_${name}`);
  const registers = [registry];
  return {
    registry,
    httpRequests: new client.Counter({
      name: "crm_http_requests_total",
      help: "HTTP requests served, by method, route template and status.",
      labelNames: ["method", "route", "status"] as const,
      registers,
    }),
    httpDuration: new client.Histogram({
      name: "crm_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response, by method and route template.",
      labelNames: ["method", "route"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    apiCalls: new client.Counter({
      name: "crm_api_calls_total",
      help: "REST API calls, by dialect and outcome (ok, or the error code).",
      labelNames: ["dialect", "outcome"] as const,
      registers,
    }),
    records: new client.Counter({
      name: "crm_records_changed_total",
      help: "Records deleted, restored, purged, destroyed or imported, by door; counted when the transaction commits.",
      labelNames: ["change", "door"] as const,
      registers,
    }),
    purgeLastSuccess: new client.Gauge({
      name: "crm_purge_last_success_timestamp_seconds",
      help: "When the purge job last finished without error (Unix time).",
      // Across workers: only the one that runs the jobs sets it; the others report 0.
      aggregator: "max",
      registers,
    }),
    purgeDuration: new client.Gauge({
      name: "crm_purge_last_duration_seconds",
      help: "How long the purge job's last successful run took.",
      aggregator: "max",
      registers,
    }),
    trashSize: new client.Gauge({
      name: "crm_trash_records",
      help: "Records in the trash, per workspace (refreshed at most every 30 s).",
      labelNames: ["workspace"] as const,
      // Across workers: read fresh by the worker that answers the scrape (lib/ops/metrics-route.ts).
      aggregator: "omit",
      registers,
    }),
    trashExpiring: new client.Gauge({
      name: "crm_trash_expiring_24h_records",
      help: "Records the purge will remove in the next 24 hours, per workspace (refreshed at most every 30 s).",
      labelNames: ["workspace"] as const,
      aggregator: "omit",
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
const holder = globalThis as unknown as { __crmMetrics?: Metrics };

export function metrics(): Metrics {
  return (holder.__crmMetrics ??= createMetrics());
}

export type RecordChange = "deleted" | "restored" | "purged" | "destroyed" | "imported";

export function countRecords(change: RecordChange, door: string, n: number): void {
  if (n > 0) metrics().records.inc({ change, door }, n);
}

export function countApiCall(dialect: string, outcome: string): void {
  metrics().apiCalls.inc({ dialect, outcome });
}
