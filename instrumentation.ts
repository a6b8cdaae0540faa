export async function register() {
  // The purge scheduler runs in the Node.js server only (not at build time, not on the edge).
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startPurgeScheduler } = await import("./lib/purge/scheduler");
  const { deleteExpiredSelections } = await import("./lib/bulk/selection");
  const { deleteExpiredNonces } = await import("./lib/api-keys/authenticate");
  startPurgeScheduler({ maintenance: [deleteExpiredSelections, deleteExpiredNonces] });
}
