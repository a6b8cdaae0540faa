import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "generated", "prisma"];
const CONFIGS = ["package.json", "next.config.mjs", "postcss.config.mjs", "instrumentation.ts", "proxy.ts"];

/** The newest modification time under `dir` (0 when it is missing). */
function newest(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
    const full = path.join(dir, entry.name);
    return Math.max(max, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }, 0);
}

/** What the production build in .next is, against the sources it is built from. */
export function buildState(root = process.cwd()): "missing" | "stale" | "fresh" {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return "missing";
  const builtAt = fs.statSync(buildId).mtimeMs;
  const sources = SOURCES.map((d) => newest(path.join(root, d)));
  const configs = CONFIGS.map((f) => path.join(root, f)).map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0));
  return Math.max(...sources, ...configs) > builtAt ? "stale" : "fresh";
}

/** For a measurement: why the build in .next cannot be measured, or null when it is the sources'. */
export function unmeasurableBuild(root = process.cwd()): string | null {
  const state = buildState(root);
  if (state === "missing") return "no production build in .next (run `npx next build` first)";
  if (state === "stale") return "the build in .next is older than the sources (run `npx next build` first)";
  return null;
}
