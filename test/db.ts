import { afterAll, beforeAll, beforeEach } from "vitest";
import { closeDb, installDbHandle, type DbHandle } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { truncateAll } from "@/lib/db/truncate";
import { settleWork } from "@/lib/ops/shutdown";
import { createTestDbHandle } from "./ephemeral-db";

export { captureQueries, countStatements, createTestDbHandle, onPostgres } from "./ephemeral-db";

/** Installs a fresh, migrated database for this file and empties it before every test. */
export function withTestDatabase(): { handle: () => DbHandle; databaseUrl: () => string } {
  let handle: (DbHandle & { schema?: string }) | undefined;
  beforeAll(async () => {
    handle = await createTestDbHandle();
    await applyMigrations(handle.runner);
    installDbHandle(handle);
  });
  beforeEach(async () => {
    // Background work the last test started (an import, a purge run) ends before its tables are emptied.
    await settleWork(30_000);
    await truncateAll(handle!.runner);
  });
  afterAll(async () => {
    await closeDb();
  });
  return {
    handle: () => handle!,
    /** On PostgreSQL, a DATABASE_URL that reaches this file's schema (for child processes). */
    databaseUrl: () => {
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.searchParams.set("schema", handle!.schema!);
      return url.toString();
    },
  };
}
