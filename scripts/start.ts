import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { localSecret } from "@/lib/local-secret";
import { prepareDatabase } from "./prepare-db";

// `npm start`: migrate, seed an empty database, build when the sources are newer than the
// last build, then serve on PORT. Everything a newcomer needs, in one command.
const port = process.env.PORT ?? "3000";
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
process.env.NEXTAUTH_SECRET ??= localSecret(".nextauth-secret");

await prepareDatabase().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});

if (needsBuild()) {
  console.log("Building the app (first start or sources changed)...");
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env: process.env,
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], {
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

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
