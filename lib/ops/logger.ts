import { createRequire } from "node:module";
import pino, { type DestinationStream, type Logger } from "pino";
import { requestContext } from "./context";

/**
 * Everything a log line must never carry, wherever it sits in the object logged: cookies,
 * authorization headers, passwords, secrets, tokens, API secrets. The request line logs no
 * headers or query at all; this is the net under every other line.
 */
export const REDACTED_KEYS = [
  "cookie",
  "authorization",
  "password",
  "secret",
  "apiSecret",
  "token",
  "csrfToken",
  "sessionToken",
  "signature",
  "set-cookie",
];
const redactPaths = REDACTED_KEYS.flatMap((k) => [`["${k}"]`, `*["${k}"]`, `*.*["${k}"]`]);

export function logFormat(env: Record<string, string | undefined> = process.env): "json" | "pretty" {
  if (env.LOG_FORMAT === "pretty" || env.LOG_FORMAT === "json") return env.LOG_FORMAT;
  return env.NODE_ENV === "development" ? "pretty" : "json";
}

/** A pino logger: JSON lines on stdout (pretty in `npm run dev`), every line of a request carrying its id. */
export function createLogger(
  env: Record<string, string | undefined> = process.env,
  destination?: DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "warn" : "info"),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactPaths, censor: "[redacted]" },
    mixin() {
      const context = requestContext.getStore();
      return context ? { requestId: context.requestId } : {};
    },
  };
  if (destination) return pino(options, destination);
  if (logFormat(env) === "pretty") {
    // A devDependency: only `npm run dev` asks for it.
    const pretty = createRequire(import.meta.url)("pino-pretty") as (o: object) => DestinationStream;
    return pino(options, pretty({ colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid" }));
  }
  const main = pino.destination({ dest: env.LOG_DESTINATION === "stderr" ? 2 : 1, sync: true });
  if (!env.LOG_FILE) return pino(options, main);
  // LOG_FILE: a copy of every line in a file too (the e2e suite reads it).
  const file = pino.destination({ dest: env.LOG_FILE, sync: true, mkdir: true });
  return pino(options, pino.multistream([{ stream: main }, { stream: file }]));
}

// One logger per process, on globalThis: the custom server and the bundled routes share it.
const holder = globalThis as unknown as { __crmLogger?: Logger };

export function logger(): Logger {
  return (holder.__crmLogger ??= createLogger());
}

/** A child logger for one part of the app: every line says `component`. */
export function log(component: string): Logger {
  return logger().child({ component });
}
