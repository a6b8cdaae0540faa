import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";

/** The few raw operations migrations and the test reset need, on either driver. */
export interface SqlRunner {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs fn while holding a lock that other processes on the same database respect. */
  exclusive<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /** Creates the schema the connection works in, when it is not there yet. */
  ensureSchema(): Promise<void>;
}

export function pgliteRunner(pglite: PGlite): SqlRunner {
  return {
    async exec(sql) {
      await pglite.exec(sql);
    },
    async rows<T>(sql: string, params: unknown[] = []) {
      return (await pglite.query<T>(sql, params)).rows;
    },
    // PGlite is one connection in one process, already guarded by the folder lock.
    exclusive: (_key, fn) => fn(),
    ensureSchema: async () => undefined,
  };
}

export function pgPoolRunner(pool: pg.Pool, schema: string): SqlRunner {
  return {
    async ensureSchema() {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replaceAll('"', '""')}"`);
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async rows<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async exclusive(key, fn) {
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock($1)", [key]);
        try {
          return await fn();
        } finally {
          await client.query("SELECT pg_advisory_unlock($1)", [key]);
        }
      } finally {
        client.release();
      }
    },
  };
}
