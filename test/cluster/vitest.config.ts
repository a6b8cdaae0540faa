import path from "node:path";
import { defineConfig } from "vitest/config";

// npm run test:cluster: two production servers on one PostgreSQL schema behind nginx.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname, "../.."),
      "server-only": path.resolve(import.meta.dirname, "../server-only-stub.ts"),
    },
  },
  test: {
    include: ["test/cluster/**/*.test.ts"],
    env: { TEST_DB: "postgres" },
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // One file at a time: each starts production servers, and the rolling restart counts on the cores.
    fileParallelism: false,
  },
});
