import { spawnSync } from "node:child_process";
import { localSecret } from "@/lib/local-secret";
import { log } from "@/lib/ops/logger";
import { buildState } from "./build-state";
import { prepareDatabase } from "./prepare-db";
import { serveAll } from "./serve";

// `npm start`: migrate, seed an empty database, build when the sources are newer than the
// last build, then serve on PORT. Everything a newcomer needs, in one command.
const port = process.env.PORT ?? "3000";
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
process.env.NEXTAUTH_SECRET ??= localSecret(".nextauth-secret");

(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";

await prepareDatabase().catch((error: Error) => {
  log("start").fatal({ err: error }, error.message);
  process.exit(1);
});

if (buildState() !== "fresh") {
  log("start").info("Building the app (first start or sources changed)...");
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env: process.env,
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// In this process, not a child: SIGTERM reaches the server's own graceful shutdown (scripts/serve.ts),
// or the workers' through this process (WEB_CONCURRENCY, lib/ops/workers.ts).
await serveAll().catch((error: Error) => {
  log("start").fatal({ err: error }, "the server could not start");
  process.exit(1);
});
