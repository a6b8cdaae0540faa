/**
 * Graceful shutdown, shared by the HTTP server and the background jobs of one process: once
 * SIGTERM arrives, jobs stop at their next batch boundary (a batch in flight commits or rolls
 * back whole) and the server waits for the work tracked here before closing the database.
 * On globalThis, because the custom server and the bundled routes load this file apart.
 */
interface ShutdownState {
  shuttingDown: boolean;
  work: Set<Promise<unknown>>;
}

const holder = globalThis as unknown as { __crmShutdown?: ShutdownState };
const state = (): ShutdownState => (holder.__crmShutdown ??= { shuttingDown: false, work: new Set() });

/** True once the process has been asked to stop: a job checks it between batches and stops there. */
export function isShuttingDown(): boolean {
  return state().shuttingDown;
}

/** Runs `fn` as work the shutdown waits for (a purge run, a digest). */
export async function trackWork<T>(fn: () => Promise<T>): Promise<T> {
  const promise = fn();
  const work = state().work;
  work.add(promise);
  try {
    return await promise;
  } finally {
    work.delete(promise);
  }
}

/** Marks the process as stopping and resolves when the tracked work has ended, or after `timeoutMs` (false then). */
export async function drainWork(timeoutMs: number): Promise<boolean> {
  state().shuttingDown = true;
  return settleWork(timeoutMs);
}

/**
 * Resolves when the work tracked now has ended, or after `timeoutMs` (false then), without stopping
 * anything. Tests wait on it before emptying the database: an import a test started can still be
 * writing, and TRUNCATE beside it deadlocks.
 */
export async function settleWork(timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const done = Promise.allSettled([...state().work]).then(() => true as const);
  try {
    return await Promise.race([done, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** Tests only: a fresh state. */
export function resetShutdownState(): void {
  holder.__crmShutdown = { shuttingDown: false, work: new Set() };
}
