import { describe, expect, it, onTestFinished } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { db, selectRows } from "@/lib/db/client";
import { captureQueries, countStatements, onPostgres, withTestDatabase } from "@/test/db";

describe("plain reads (selectRows)", () => {
  withTestDatabase();

  // On PostgreSQL the reads skip Prisma: every value must come back as `$queryRaw` gives it,
  // or a page would show a moved time or a bigint as text.
  it("answer every column type as $queryRaw does, in any time zone of the server", async () => {
    // node-postgres reads a timestamp in the process's zone: the check must not run in UTC.
    const zone = process.env.TZ;
    process.env.TZ = "Pacific/Auckland";
    onTestFinished(() => {
      process.env.TZ = zone;
    });
    const at = "2026-03-29 01:30:00.123";
    const statement = (tag: typeof selectRows) => tag<Record<string, unknown>[]>`
      SELECT 'text'::text AS text, 42::int AS int4, 9007199254740993::bigint AS int8, 2.5::float8 AS float8,
             true AS bool, '{"a":[1,{"b":null}]}'::jsonb AS jsonb, '[1,"x"]'::json AS json,
             ${at}::timestamp(3) AS "timestamp", '2026-03-29 01:30:00.123+13'::timestamptz AS timestamptz,
             '2026-03-29'::date AS date, 12.50::numeric(10,2) AS numeric, ARRAY['a','b']::text[] AS texts,
             ARRAY[1,2]::int[] AS ints, NULL::text AS nothing, 'ADMIN'::"Role"::text AS role,
             ${"a parameter"} AS parameter, ${7} + 1 AS sum`;
    const throughPrisma = await statement((strings, ...values) => db().$queryRaw(Prisma.sql(strings, ...values)));
    const plain = await statement(selectRows);
    expect(plain).toEqual(throughPrisma);
    expect(plain[0]).toMatchObject({ int8: 9007199254740993n, jsonb: { a: [1, { b: null }] }, texts: ["a", "b"] });
    // PGlite's driver moves a timestamp by the zone's offset whoever reads it (lib/db/sql-time.ts):
    // hence sqlMillis in the statements. On PostgreSQL both read the stored instant.
    if (onPostgres)
      expect(plain[0]).toMatchObject({
        timestamp: new Date("2026-03-29T01:30:00.123Z"),
        timestamptz: new Date("2026-03-28T12:30:00.123Z"),
        date: new Date("2026-03-29T00:00:00Z"),
      });
    expect(String(plain[0]!.numeric)).toBe("12.5");
  });

  it("are counted and captured as the statements they are", async () => {
    expect(await countStatements(() => selectRows`SELECT ${1}::int AS one`)).toBe(1);
    const [query] = await captureQueries(() => selectRows`SELECT ${"x"}::text AS x`);
    expect(query!.query).toContain("SELECT");
    expect(JSON.parse(query!.params)).toEqual(["x"]);
  });

  it.runIf(onPostgres)("go through the pool on PostgreSQL, not through Prisma", async () => {
    // A statement Prisma's raw query refuses to deserialize (a type it does not support) still reads.
    const [row] = await selectRows<{ point: unknown }[]>`SELECT point(1, 2)::text AS point`;
    expect(row!.point).toBe("(1,2)");
  });
});
