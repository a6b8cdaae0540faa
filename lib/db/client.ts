import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { Prisma, PrismaClient } from "@/generated/prisma/client";
import { resolveDatabaseTarget, type DatabaseTarget } from "./config";
import { openPglite } from "./pglite";
import { createPgPool } from "./pg-pool";
import { poolReader, type PlainReader } from "./plain";
import { pgliteRunner, pgPoolRunner, type SqlRunner } from "./sql-runner";

export interface DbHandle {
  client: PrismaClient;
  runner: SqlRunner;
  /** Plain reads outside a transaction (`selectRows`). */
  plain: PlainReader;
  close(): Promise<void>;
}

// One client per process, created on first use (never at import time: `next build`
// imports route modules). Kept on globalThis so dev-mode reloads reuse it.
const holder = globalThis as unknown as { __crmDb?: DbHandle };

export function createDbHandle(target: DatabaseTarget): DbHandle {
  if (target.kind === "pglite") {
    const opened = openPglite(target.dataDir);
    const client = new PrismaClient({ adapter: new PrismaPGlite(opened.pglite) });
    return {
      client,
      runner: pgliteRunner(opened.pglite),
      // Through Prisma: PGlite is one connection, and Prisma orders its transactions on it.
      plain: (sql) => client.$queryRaw(sql),
      async close() {
        await client.$disconnect();
        await opened.close();
      },
    };
  }
  const pool = createPgPool(target.url, target.schema);
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { schema: target.schema }) });
  return {
    client,
    runner: pgPoolRunner(pool, target.schema),
    plain: poolReader(pool),
    async close() {
      await client.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

/** The process's database client. */
export function db(): PrismaClient {
  holder.__crmDb ??= createDbHandle(resolveDatabaseTarget());
  return holder.__crmDb.client;
}

/**
 * A plain read outside any transaction, as a tagged template (`$queryRaw`'s, with its values as
 * parameters): the same rows and value types as `db().$queryRaw`, for less of the server's time.
 */
export function selectRows<T = unknown>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T> {
  db();
  return holder.__crmDb!.plain<T>(Prisma.sql(strings, ...values));
}

/** Tests and CLIs: use this handle instead of the one DATABASE_URL describes. */
export function installDbHandle(handle: DbHandle): void {
  holder.__crmDb = handle;
}

export async function closeDb(): Promise<void> {
  const handle = holder.__crmDb;
  holder.__crmDb = undefined;
  await handle?.close();
}
