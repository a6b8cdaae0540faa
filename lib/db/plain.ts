import pg from "pg";
import { Prisma } from "@/generated/prisma/client";

/** A read of plain rows outside any transaction, answered as Prisma's `$queryRaw` answers it. */
export type PlainReader = <T>(sql: Prisma.Sql) => Promise<T>;

// The value types `$queryRaw` gives where node-postgres would give another. Prisma keeps a
// DateTime as UTC wall time in `timestamp(3)`; node-postgres reads one in the process's zone.
const AS_PRISMA: Record<number, (text: string) => unknown> = {
  20: (text) => BigInt(text), // int8
  1082: (text) => new Date(`${text}T00:00:00Z`), // date
  1114: (text) => new Date(`${text.replace(" ", "T")}Z`), // timestamp
  1700: (text) => new Prisma.Decimal(text), // numeric
};
const types = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    AS_PRISMA[oid] ?? (pg.types.getTypeParser as (oid: number, format?: string) => unknown)(oid, format),
} as pg.CustomTypesConfig;

/**
 * Plain reads straight through the pool. Every page sends several small statements, and
 * through Prisma each costs the server about three times the CPU (it compiles even a raw
 * statement first); `plain.test.ts` holds the values to what `$queryRaw` gives.
 * `observe` sees each statement (the tests count them).
 */
export function poolReader(pool: pg.Pool, observe?: (text: string, values: unknown[]) => void): PlainReader {
  return async <T>(sql: Prisma.Sql) => {
    observe?.(sql.text, sql.values);
    return (await pool.query({ text: sql.text, values: sql.values, types })).rows as T;
  };
}
