import path from "node:path";
import { defineConfig } from "vitest/config";

// The domain suite runs once on in-memory PGlite and, when TEST_DATABASE_URL is set,
// once more on that PostgreSQL server (a fresh schema per test file).
const databases = ["pglite", ...(process.env.TEST_DATABASE_URL ? ["postgres"] : [])];

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts"),
    },
  },
  test: {
    projects: databases.map((name) => ({
      extends: true,
      test: {
        name,
        include: [
          "lib/**/*.test.ts",
          "components/**/*.test.ts",
          "prisma/**/*.test.ts",
          "scripts/**/*.test.ts",
          "app/**/*.test.ts",
        ],
        env: { TEST_DB: name },
        environment: "node",
        testTimeout: 30_000,
        hookTimeout: 60_000,
        pool: "forks",
      },
    })),
  },
});
