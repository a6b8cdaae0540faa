import { log } from "@/lib/ops/logger";
import { metrics } from "@/lib/ops/metrics";
import { trackWork } from "@/lib/ops/shutdown";
import { purgeExpired, type PurgeSummary } from "./purge";

const holder = globalThis as unknown as { __purgeTimer?: NodeJS.Timeout };

export interface SchedulerOptions {
  env?: Record<string, string | undefined>;
  /** The job; the retention purge as of now unless a test gives another. */
  run?: () => Promise<PurgeSummary>;
  /** Housekeeping run after each purge (e.g. removing expired bulk selections); a failing step is logged, the others still run. */
  maintenance?: ((now: Date) => Promise<unknown>)[];
}

/**
 * The retention purge inside the server: every PURGE_INTERVAL_MINUTES (default 60; 0 turns
 * it off), first one a minute after start (or one interval, when shorter). Runs never overlap within a process, and several
 * instances are safe because the purge itself skips rows another purger holds.
 * Returns a stop function (null when disabled or already running).
 */
export function startPurgeScheduler({
  env = process.env,
  run = () => purgeExpired({ now: new Date(), door: "JOB" }),
  maintenance = [],
}: SchedulerOptions = {}) {
  const minutes = Number(env.PURGE_INTERVAL_MINUTES ?? 60);
  if (!Number.isFinite(minutes) || minutes <= 0 || holder.__purgeTimer) return null;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    // Tracked: a SIGTERM lets the batch in flight commit before the database closes.
    await trackWork(() => runOnce(run, maintenance)).finally(() => (running = false));
  };
  // An interval under a minute (tests, demos) needs no separate first run: the interval comes first.
  const first = minutes < 1 ? undefined : setTimeout(tick, 60_000);
  first?.unref();
  holder.__purgeTimer = setInterval(tick, minutes * 60_000);
  holder.__purgeTimer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(holder.__purgeTimer);
    holder.__purgeTimer = undefined;
  };
}

/** One scheduled run: the purge (logged and measured), then each housekeeping step. */
export async function runOnce(run: () => Promise<PurgeSummary>, maintenance: ((now: Date) => Promise<unknown>)[]) {
  const started = process.hrtime.bigint();
  try {
    const summary = await run();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (!summary.interrupted) {
      metrics().purgeLastSuccess.set(Date.now() / 1000);
      metrics().purgeDuration.set(seconds);
    }
    log("purge").info(
      {
        purged: summary.purged,
        batches: summary.batches,
        interrupted: summary.interrupted,
        durationMs: seconds * 1000,
      },
      "purge run finished",
    );
  } catch (error) {
    log("purge").error({ err: error }, "purge run failed");
  }
  for (const step of maintenance)
    await step(new Date()).catch((error) => log("maintenance").error({ err: error }, "maintenance step failed"));
}
