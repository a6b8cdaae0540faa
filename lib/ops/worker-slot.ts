/** A worker's slot (0, 1, …) under WEB_CONCURRENCY (lib/ops/workers.ts), kept across its restarts. */
export const WORKER_SLOT_ENV = "CRM_WORKER_SLOT";

/** Whether this process runs the scheduled jobs (the purge, the digest, the setup notice): one server alone, or slot 0. */
export function runsScheduledJobs(env: Record<string, string | undefined> = process.env): boolean {
  return (env[WORKER_SLOT_ENV] ?? "0") === "0";
}
