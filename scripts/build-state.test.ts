import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildState, unmeasurableBuild } from "./build-state";

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

/** A project folder with a build at `builtAt` and one source file at `editedAt` (seconds). */
function project(files: Record<string, number>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "build-state-"));
  roots.push(root);
  for (const [file, at] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), "x");
    fs.utimesSync(path.join(root, file), at, at);
  }
  return root;
}

describe("buildState", () => {
  it("is missing without .next/BUILD_ID", () => {
    expect(buildState(project({ "lib/a.ts": 1000 }))).toBe("missing");
    expect(unmeasurableBuild(project({}))).toMatch(/no production build/);
  });

  it("is fresh when every source is older than the build", () => {
    const root = project({ ".next/BUILD_ID": 2000, "lib/deep/a.ts": 1000, "proxy.ts": 1500 });
    expect(buildState(root)).toBe("fresh");
    expect(unmeasurableBuild(root)).toBeNull();
  });

  it.each(["app/(app)/records/page.tsx", "components/ui/x.tsx", "lib/ops/y.ts", "instrumentation.ts", "package.json"])(
    "is stale when %s changed after the build",
    (file) => {
      const root = project({ ".next/BUILD_ID": 2000, [file]: 3000 });
      expect(buildState(root)).toBe("stale");
      expect(unmeasurableBuild(root)).toMatch(/older than the sources/);
    },
  );

  it("ignores what the build does not read (the README, the tests' scripts)", () => {
    expect(buildState(project({ ".next/BUILD_ID": 2000, "README.md": 3000, "scripts/x.ts": 3000 }))).toBe("fresh");
  });
});
