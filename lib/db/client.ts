import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/generated/prisma/client";
import { resolveDatabaseTarget, type DatabaseTarget } from "./config";
import { openPglite } from "./pglite";
import { createPgPool } from "./pg-pool";
import { pgliteRunner, pgPoolRunner, type SqlRunner } from "./sql-runner";

export interface DbHandle {
  client: PrismaClient;
  runner: SqlRunner;
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

/** Tests and CLIs: use this handle instead of the one DATABASE_URL describes. */
export function installDbHandle(handle: DbHandle): void {
  holder.__crmDb = handle;
}

export async function closeDb(): Promise<void> {
  const handle = holder.__crmDb;
  holder.__crmDb = undefined;
  await handle?.close();
}
