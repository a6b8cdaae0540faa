import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

// A real production server for HTTP tests: `next start` on the build `npm test` makes first,
// against the database the test names (on PostgreSQL, the test file's own schema, so the test
// can read what the server changed). No vitest imports here.

export interface RunningServer {
  url: string;
  /** The server's process. */
  child: ChildProcess;
  /** Everything the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export function hasProductionBuild(): boolean {
  return fs.existsSync(path.resolve(".next", "BUILD_ID"));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string, timeoutMs: number, path: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The server exited (${child.exitCode}) before it answered:\n${output()}`);
    try {
      const response = await fetch(`${url}${path}`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The server did not answer within ${timeoutMs} ms:\n${output()}`);
}

/**
 * Starts the production server on a free port against `databaseUrl` and waits until it is
 * ready (or only alive, `waitFor: "live"`); the purge scheduler is off unless `env` turns it on.
 */
export async function startServer({
  databaseUrl,
  env = {},
  waitFor = "ready",
  port: givenPort,
  nodeArgs = [],
}: {
  databaseUrl: string;
  /** Extra flags for node itself (a CPU profile). */
  nodeArgs?: string[];
  env?: Record<string, string>;
  waitFor?: "ready" | "live";
  port?: number;
}): Promise<RunningServer> {
  if (!hasProductionBuild())
    throw new Error(
      "No production build in .next: run `npx next build` first (`npm test` builds before the HTTP tests).",
    );
  const port = givenPort ?? (await freePort());
  const url = `http://localhost:${port}`;
  // The production server as `npm start` runs it (scripts/serve.ts: request logs, metrics, graceful SIGTERM).
  const child = spawn(
    process.execPath,
    [...nodeArgs, "--import", "tsx", "--conditions=react-server", "scripts/serve.ts"],
    {
      env: {
        ...process.env,
        PORT: String(port),
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        NEXTAUTH_URL: url,
        NEXTAUTH_SECRET: "http-test-secret-not-for-production",
        PURGE_INTERVAL_MINUTES: "0",
        NEXT_TELEMETRY_DISABLED: "1",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const output = () => log;
  try {
    await waitUntilUp(url, child, output, 60_000, waitFor === "ready" ? "/api/health/ready" : "/api/health");
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    url,
    child,
    output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

/** Signs in through next-auth's credentials flow as a browser would; returns the Cookie header for later requests. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const login = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(login);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token")))
    throw new Error(`Sign-in as ${email} failed (${login.status}).`);
  return cookie();
}

/** The build's id of a server action, from the manifest next build writes. */
export function actionId(name: string): string {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, v]) => v.exportedName === name);
  if (!entry) throw new Error(`No server action ${name} in the build`);
  return entry[0];
}
