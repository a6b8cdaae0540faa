import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import type { DatabaseTarget } from "@/lib/db/config";
import { answerClusterMetrics } from "./cluster-metrics";
import { log } from "./logger";
import { WORKER_SLOT_ENV } from "./worker-slot";

/**
 * Several server processes on one port (node:cluster), so that a server uses every core: Node
 * runs a request's JavaScript on one thread, and a page is CPU work. WEB_CONCURRENCY says how
 * many (a number, or "auto" for one per core); 1, the default, serves from this process alone.
 */

export type WorkerCount = { ok: true; count: number; note?: string } | { ok: false; message: string };

/** How many processes serve, from WEB_CONCURRENCY; an embedded database is one process's alone. */
export function workerCount(
  env: Record<string, string | undefined>,
  target: DatabaseTarget,
  cores = os.availableParallelism(),
): WorkerCount {
  const given = env.WEB_CONCURRENCY?.trim();
  if (!given) return { ok: true, count: 1 };
  const count = given === "auto" ? cores : /^[1-9][0-9]{0,2}$/.test(given) ? Number(given) : NaN;
  if (!Number.isInteger(count) || count > 256)
    return { ok: false, message: `WEB_CONCURRENCY must be a whole number from 1 to 256, or "auto"; it is "${given}".` };
  if (count > 1 && target.kind === "pglite")
    return {
      ok: true,
      count: 1,
      note: `WEB_CONCURRENCY=${given} needs PostgreSQL (DATABASE_URL): the embedded database belongs to one process, so one serves.`,
    };
  return { ok: true, count };
}

export interface WorkerOptions {
  count: number;
  /** The script each worker runs, and node's flags for it. */
  exec: string;
  execArgv: string[];
  /** How long a worker may take to finish its requests after SIGTERM (its own SHUTDOWN_TIMEOUT_S), before it is killed. */
  shutdownTimeoutMs: number;
}

// A worker that dies this many times within a minute is not started again: the primary stops.
const CRASH_LIMIT = 5;
const CRASH_WINDOW_MS = 60_000;

/**
 * The primary process: starts `count` workers, starts a worker again when one dies, answers the
 * workers' requests for the cluster's metrics, and on SIGTERM or SIGINT stops them all (each
 * finishes its requests and jobs) before exiting — with 0 only when every worker stopped cleanly.
 */
export function runWorkers({ count, exec, execArgv, shutdownTimeoutMs }: WorkerOptions): Promise<never> {
  const logger = log("workers");
  cluster.setupPrimary({ exec, execArgv });
  answerClusterMetrics();
  const crashes = new Map<number, number[]>();
  const slots = new Map<Worker, number>();
  const listening = new Set<Worker>();
  let stopping = false;

  const start = (slot: number) => {
    const worker = cluster.fork({ [WORKER_SLOT_ENV]: String(slot) });
    slots.set(worker, slot);
    worker.once("listening", () => {
      listening.add(worker);
      if (listening.size === count) logger.info({ workers: count }, "all workers are serving");
    });
  };

  return new Promise<never>((_, reject) => {
    cluster.on("exit", (worker, code, signal) => {
      const slot = slots.get(worker)!;
      slots.delete(worker);
      listening.delete(worker);
      if (stopping) return;
      const now = Date.now();
      const recent = [...(crashes.get(slot) ?? []), now].filter((t) => now - t < CRASH_WINDOW_MS);
      crashes.set(slot, recent);
      if (recent.length >= CRASH_LIMIT) {
        logger.fatal({ slot, code, signal }, `worker ${slot} stopped ${CRASH_LIMIT} times within a minute; stopping`);
        void stopAll("crash loop").then(() => process.exit(1), reject);
        return;
      }
      logger.error(
        { slot, pid: worker.process.pid, code, signal },
        `worker ${slot} stopped unexpectedly; starting it again`,
      );
      start(slot);
    });

    const stopAll = async (reason: string): Promise<boolean> => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
      logger.info({ reason, workers: workers.length }, "stopping the workers");
      const results = await Promise.all(
        workers.map(
          (worker) =>
            new Promise<boolean>((resolve) => {
              const kill = setTimeout(() => worker.process.kill("SIGKILL"), shutdownTimeoutMs + 5_000);
              worker.once("exit", (code) => {
                clearTimeout(kill);
                resolve(code === 0);
              });
              worker.process.kill("SIGTERM");
            }),
        ),
      );
      return results.every(Boolean);
    };

    for (const signal of ["SIGTERM", "SIGINT"] as const)
      process.on(signal, () => {
        if (stopping) return;
        void stopAll(signal).then((clean) => {
          logger.info({ clean }, clean ? "every worker stopped cleanly" : "a worker did not stop cleanly");
          process.exit(clean ? 0 : 1);
        }, reject);
      });

    for (let slot = 0; slot < count; slot++) start(slot);
  });
}
