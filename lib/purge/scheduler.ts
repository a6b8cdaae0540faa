import { purgeExpired } from "./purge";

const holder = globalThis as unknown as { __purgeTimer?: NodeJS.Timeout };

/**
 * The retention purge inside the server: every PURGE_INTERVAL_MINUTES (default 60; 0 turns
 * it off), first one a minute after start. Runs never overlap within a process, and
 * several instances are safe because the purge itself skips rows another purger holds.
 */
export function startPurgeScheduler(env: NodeJS.ProcessEnv = process.env): void {
  const minutes = Number(env.PURGE_INTERVAL_MINUTES ?? 60);
  if (!Number.isFinite(minutes) || minutes <= 0 || holder.__purgeTimer) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const summary = await purgeExpired({ now: new Date(), door: "JOB" });
      if (summary.purged > 0) console.log(`[purge] ${JSON.stringify(summary)}`);
    } catch (error) {
      console.error("[purge] failed:", error);
    } finally {
      running = false;
    }
  };
  setTimeout(tick, 60_000).unref();
  holder.__purgeTimer = setInterval(tick, minutes * 60_000);
  holder.__purgeTimer.unref();
}
