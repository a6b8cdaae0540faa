import crypto from "node:crypto";
import http from "node:http";
import { requestContext, type RequestContext } from "./context";
import { log } from "./logger";
import { decodableUrl } from "./malformed-url";
import { metrics } from "./metrics";
import { routeTemplate, type RouteTemplate } from "./routes";

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<unknown> | unknown;

// A caller's X-Request-Id is kept only when it is a plain token: nothing to inject into a log.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}

/**
 * The HTTP server around Next's request handler: a request id (the caller's X-Request-Id or a
 * new one) echoed back and attached to every log line of the request, one JSON log line per
 * request (method, route template, status, duration, workspace and user ids — no query, no
 * headers), and the HTTP metrics. Once stopping, every answer closes its connection.
 */
export function createOpsServer(handle: RequestHandler, routes: RouteTemplate[]) {
  let stopping = false;
  const logger = log("http");
  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const context: RequestContext = { requestId: requestIdOf(req.headers["x-request-id"]) };
    res.setHeader("x-request-id", context.requestId);
    if (stopping) res.setHeader("connection", "close");
    req.url = decodableUrl(req.url ?? "/");
    const pathname = req.url.split("?")[0]!;
    const route = routeTemplate(routes, pathname);
    res.once("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = res.writableFinished ? res.statusCode : 499; // 499: the client went away first
      metrics().httpRequests.inc({ method: req.method ?? "GET", route, status: String(status) });
      metrics().httpDuration.observe({ method: req.method ?? "GET", route }, seconds);
      requestContext.run(context, () =>
        logger[status >= 500 ? "error" : "info"](
          {
            method: req.method,
            route,
            status,
            durationMs: Math.round(seconds * 1e4) / 10,
            ...(context.workspaceId ? { workspaceId: context.workspaceId } : {}),
            ...(context.userId ? { userId: context.userId } : {}),
          },
          "request",
        ),
      );
    });
    requestContext.run(context, async () => {
      logger.debug({ method: req.method, route }, "request started");
      try {
        await handle(req, res);
      } catch (error) {
        logger.error({ err: error }, "request handler failed");
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      }
    });
  });
  return {
    server,
    /** Stop taking connections and let the requests in flight finish; false when `timeoutMs` ran out first. */
    async close(timeoutMs: number): Promise<boolean> {
      stopping = true;
      const closed = new Promise<boolean>((resolve) => server.close(() => resolve(true)));
      server.closeIdleConnections();
      // Keep-alive connections go as soon as their response is written.
      const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
      const finished = await Promise.race([closed, timedOut]);
      clearInterval(idleSweep);
      clearTimeout(timer);
      if (!finished) server.closeAllConnections();
      return finished;
    },
  };
}
