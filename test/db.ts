import crypto from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { closeDb, installDbHandle, type DbHandle } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { createPgPool } from "@/lib/db/pg-pool";
import { pgliteRunner, pgPoolRunner } from "@/lib/db/sql-runner";
import { truncateAll } from "@/lib/db/truncate";

export const onPostgres = process.env.TEST_DB === "postgres";

// Test clients emit an event per SQL statement, so tests can count what a call costs.
const LOG = { log: [{ emit: "event" as const, level: "query" as const }] };
let statements = 0;
function countEvents(client: PrismaClient) {
  (client as unknown as { $on(event: "query", cb: () => void): void }).$on("query", () => {
    statements++;
  });
  return client;
}

/** How many SQL statements `fn` sends to the database (transaction control included). */
export async function countStatements(fn: () => Promise<unknown>): Promise<number> {
  const before = statements;
  await fn();
  return statements - before;
}

/** A fresh database for one test file: in-memory PGlite, or a new schema on TEST_DATABASE_URL. */
export async function createTestDbHandle(): Promise<DbHandle & { schema?: string }> {
  if (onPostgres) {
    const url = process.env.TEST_DATABASE_URL!;
    const schema = `test_${crypto.randomBytes(6).toString("hex")}`;
    const pool = createPgPool(url, schema, 8);
    const runner = pgPoolRunner(pool, schema);
    const client = countEvents(new PrismaClient({ adapter: new PrismaPg(pool, { schema }), ...LOG }));
    return {
      client,
      runner,
      schema,
      async close() {
        await client.$disconnect();
        await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
        await pool.end().catch(() => undefined);
      },
    };
  }
  const pglite = new PGlite();
  const client = countEvents(new PrismaClient({ adapter: new PrismaPGlite(pglite), ...LOG }));
  return {
    client,
    runner: pgliteRunner(pglite),
    async close() {
      await client.$disconnect();
      await pglite.close();
    },
  };
}

/** Installs a fresh, migrated database for this file and empties it before every test. */
export function withTestDatabase(): { handle: () => DbHandle; databaseUrl: () => string } {
  let handle: (DbHandle & { schema?: string }) | undefined;
  beforeAll(async () => {
    handle = await createTestDbHandle();
    await applyMigrations(handle.runner);
    installDbHandle(handle);
  });
  beforeEach(async () => {
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
