export async function register() {
  // The purge scheduler runs in the Node.js server only (not at build time, not on the edge).
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Each request carries its socket's address, which the client cannot forge (lib/trusted-proxy.ts).
  const { stampSocket } = await import("./lib/socket-stamp");
  stampSocket();
  // Under WEB_CONCURRENCY workers, one of them runs the jobs and prints the setup notice.
  const { runsScheduledJobs } = await import("./lib/ops/worker-slot");
  if (!runsScheduledJobs()) return;
  const { startPurgeScheduler } = await import("./lib/purge/scheduler");
  const { deleteExpiredSelections } = await import("./lib/bulk/selection");
  const { deleteExpiredNonces } = await import("./lib/api-keys/authenticate");
  const { sendDailyDigests } = await import("./lib/webhooks/deliver");
  // Imports whose instance stopped are taken up again; uploads never started are dropped after a day.
  const { tendImports } = await import("./lib/imports/runner");
  // After the purge: the day's webhook digest of what the next 24 hours will purge (once a day, claimed in the database).
  // An installation with no user: print where to go and the one-time setup code (lib/setup/).
  const { announceSetup } = await import("./lib/setup/announce");
  const { log } = await import("./lib/ops/logger");
  await announceSetup().catch((error: Error) => log("setup").error({ err: error }, "Setup check failed"));
  startPurgeScheduler({
    maintenance: [deleteExpiredSelections, deleteExpiredNonces, (now) => sendDailyDigests(now), tendImports],
  });
}
