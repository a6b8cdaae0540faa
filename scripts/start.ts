import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { localSecret } from "@/lib/local-secret";
import { log } from "@/lib/ops/logger";
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

if (needsBuild()) {
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

function needsBuild(): boolean {
  const buildId = path.resolve(".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  const newest = (dir: string): number =>
    !fs.existsSync(dir)
      ? 0
      : fs.readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
          const full = path.join(dir, entry.name);
          return Math.max(max, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
        }, 0);
  const sources = ["app", "components", "lib", "generated", "prisma"].map((d) => newest(path.resolve(d)));
  const configs = ["package.json", "next.config.mjs", "postcss.config.mjs"].map((f) =>
    fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0,
  );
  return Math.max(...sources, ...configs) > builtAt;
}
