import crypto from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/generated/prisma/client";
import type { DbHandle } from "@/lib/db/client";
import { createPgPool } from "@/lib/db/pg-pool";
import { poolReader } from "@/lib/db/plain";
import { newPglite } from "@/lib/db/pglite";
import { pgliteRunner, pgPoolRunner } from "@/lib/db/sql-runner";

// Throw-away databases for tests and the benchmark: no vitest imports here.
export const onPostgres = process.env.TEST_DB === "postgres";

// Test clients emit an event per SQL statement, so tests can count what a call costs.
const LOG = { log: [{ emit: "event" as const, level: "query" as const }] };
let statements = 0;
export interface CapturedQuery {
  query: string;
  params: string;
}
let capture: CapturedQuery[] | null = null;
function countEvents(client: PrismaClient) {
  (client as unknown as { $on(event: "query", cb: (e: CapturedQuery) => void): void }).$on("query", (e) => {
    statements++;
    capture?.push({ query: e.query, params: e.params });
  });
  return client;
}

/** A plain read (`selectRows`) counts as the statement it is, as Prisma's events count theirs. */
function countRead(query: string, params: unknown[]) {
  statements++;
  capture?.push({ query, params: JSON.stringify(params, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v)) });
}

/** The SQL statements (and their parameters, as JSON) that `fn` sends to the database. */
export async function captureQueries(fn: () => Promise<unknown>): Promise<CapturedQuery[]> {
  capture = [];
  try {
    await fn();
    return capture;
  } finally {
    capture = null;
  }
}

/** How many SQL statements `fn` sends to the database (transaction control included). */
export async function countStatements(fn: () => Promise<unknown>): Promise<number> {
  const before = statements;
  await fn();
  return statements - before;
}

/** A fresh database for one test file: in-memory PGlite, or a new schema on TEST_DATABASE_URL. */
/** Hand-written SQL in one transaction on the same connection pool: the benchmark's floor. */
export type RawTransaction = <T>(
  fn: (query: (sql: string, params?: unknown[]) => Promise<unknown[]>) => Promise<T>,
) => Promise<T>;

export async function createTestDbHandle(
  postgresUrl = onPostgres ? process.env.TEST_DATABASE_URL : undefined,
  /** false: a client like production's, without the per-statement event (the benchmark). */
  { countQueries = true }: { countQueries?: boolean } = {},
): Promise<DbHandle & { schema?: string; rawTransaction: RawTransaction }> {
  if (postgresUrl) {
    const url = postgresUrl;
    const schema = `test_${crypto.randomBytes(6).toString("hex")}`;
    const pool = createPgPool(url, schema, 8);
    const runner = pgPoolRunner(pool, schema);
    const client = countQueries
      ? countEvents(new PrismaClient({ adapter: new PrismaPg(pool, { schema }), ...LOG }))
      : new PrismaClient({ adapter: new PrismaPg(pool, { schema }) });
    return {
      client,
      runner,
      plain: poolReader(pool, countQueries ? countRead : undefined),
      schema,
      async rawTransaction(fn) {
        const conn = await pool.connect();
        try {
          await conn.query("BEGIN");
          const result = await fn(async (sql, params) => (await conn.query(sql, params)).rows);
          await conn.query("COMMIT");
          return result;
        } catch (error) {
          await conn.query("ROLLBACK");
          throw error;
        } finally {
          conn.release();
        }
      },
      async close() {
        await client.$disconnect();
        await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
        await pool.end().catch(() => undefined);
      },
    };
  }
  const pglite = newPglite();
  const client = countQueries
    ? countEvents(new PrismaClient({ adapter: new PrismaPGlite(pglite), ...LOG }))
    : new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    client,
    runner: pgliteRunner(pglite),
    plain: (sql) => client.$queryRaw(sql),
    rawTransaction: (fn) => pglite.transaction((tx) => fn(async (sql, params) => (await tx.query(sql, params)).rows)),
    async close() {
      await client.$disconnect();
      await pglite.close();
    },
  };
}
