import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { resolveDatabaseTarget } from "./lib/db/config";
import { newPglite, openPglite } from "./lib/db/pglite";
import { createPgPool } from "./lib/db/pg-pool";

// The CLI (generate, migrate dev/diff/status) runs on the JS schema engine through the same
// database target as the app. The schema's url must still look like a postgres URL, or the
// CLI falls back to the native engine, which cannot be downloaded here.
const target = resolveDatabaseTarget();
if (target.kind === "pglite") process.env.DATABASE_URL = "postgresql://pglite@localhost/pglite";

// The CLI may ask for the adapter more than once in one run: open the embedded folder once
// (a second open would be refused by its own lock).
let pglite: ReturnType<typeof openPglite> | undefined;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    // Schema-only commands (migrate diff from the schema file) need no real database.
    if (process.env.PRISMA_SCRATCH_DB === "1") return new PrismaPGlite(newPglite());
    if (target.kind === "pglite") return new PrismaPGlite((pglite ??= openPglite(target.dataDir)).pglite);
    return new PrismaPg(createPgPool(target.url, target.schema, 2), { schema: target.schema });
  },
});
