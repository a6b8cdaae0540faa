import cluster from "node:cluster";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { closeDb } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/config";
import { brotliStatic } from "@/lib/ops/brotli-static";
import { createOpsServer, type RequestHandler } from "@/lib/ops/http-server";
import { log } from "@/lib/ops/logger";
import { loadRouteTemplates } from "@/lib/ops/routes";
import { drainWork } from "@/lib/ops/shutdown";
import { runWorkers, workerCount } from "@/lib/ops/workers";

// The production server: Next's request handler inside our own HTTP server (request ids,
// request logs, metrics) with a graceful SIGTERM. Run by `npm start` after it has prepared the
// database and the build; run alone (PORT, DATABASE_URL...) on a prepared installation:
//   node --import tsx --conditions=react-server scripts/serve.ts
export async function serve(): Promise<void> {
  const logger = log("server");
  const port = Number(process.env.PORT ?? 3000);
  // Every interface unless LISTEN_HOST names one (not HOSTNAME: shells and containers set it to the machine's name).
  const hostname = process.env.LISTEN_HOST || undefined;
  // Next must not exit on SIGTERM by itself (next.js#51404): the handler below decides.
  process.env.NEXT_MANUAL_SIG_HANDLE = "true";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? "localhost" });
  await app.prepare();
  const nextHandler = app.getRequestHandler() as RequestHandler;
  const assets = brotliStatic(path.resolve(".next/static"));
  const ops = createOpsServer(
    (req, res) => assets.serve(req, res) || nextHandler(req, res),
    loadRouteTemplates(path.resolve(".next")),
  );
  // Before listening, so that no visitor (nor a benchmark) gets a script as gzip because it came
  // before its brotli was ready: about a second at start.
  await assets.warm().catch((error) => logger.warn({ err: error }, "static assets stay gzip: compressing failed"));
  await new Promise<void>((resolve) => ops.server.listen(port, hostname, resolve));
  logger.info({ port }, `Serving on http://localhost:${port}`);
  // Opens the database now rather than on the first request (PGlite takes a second or two to start).
  void fetch(`http://127.0.0.1:${port}/api/health/ready`, { headers: { "x-request-id": "startup" } }).catch(
    () => undefined,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    const timeoutMs = shutdownTimeoutMs();
    logger.info({ signal, timeoutMs }, "shutting down: no new requests, finishing those in flight");
    // Both at once: the server drains its requests while jobs stop at their next batch boundary.
    const [requestsDone, jobsDone] = await Promise.all([ops.close(timeoutMs), drainWork(timeoutMs)]);
    await closeDb().catch((error) => logger.error({ err: error }, "closing the database failed"));
    logger.info(
      { requestsDone, jobsDone, durationMs: Date.now() - started },
      requestsDone && jobsDone ? "stopped cleanly" : "stopped after the shutdown timeout",
    );
    process.exit(requestsDone && jobsDone ? 0 : 1);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void stop(signal));
}

const shutdownTimeoutMs = () => Number(process.env.SHUTDOWN_TIMEOUT_S ?? 10) * 1000;

/**
 * The server as configured: this process alone, or WEB_CONCURRENCY workers (lib/ops/workers.ts)
 * each running this file's serve() on the one port. Run by `npm start` and by this file alone.
 */
export async function serveAll(): Promise<void> {
  if (cluster.isWorker) return serve();
  const workers = workerCount(process.env, resolveDatabaseTarget());
  if (!workers.ok) throw new Error(workers.message);
  if (workers.note) log("server").warn(workers.note);
  if (workers.count === 1) return serve();
  log("server").info({ workers: workers.count }, `Starting ${workers.count} workers`);
  await runWorkers({
    count: workers.count,
    exec: fileURLToPath(import.meta.url),
    execArgv: process.execArgv,
    shutdownTimeoutMs: shutdownTimeoutMs(),
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  (process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
  serveAll().catch((error: Error) => {
    log("server").fatal({ err: error }, "the server could not start");
    process.exit(1);
  });
}
