import { spawnSync } from "node:child_process";
import type { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { applyMigrations } from "./migrate";
import { newPglite } from "./pglite";
import { pgliteRunner } from "./sql-runner";
import { onPostgres } from "@/test/db";

/**
 * Indexes written by hand into migrations, which the Prisma schema cannot express (partial,
 * trigram, expression indexes). Every other difference between the migrations and the schema
 * is drift: a model changed without its migration, or the other way round.
 */
const HAND_WRITTEN_INDEXES = [
  "Record_live_external_id_key",
  // Migration 20261126000000_perf: keyset paging of live rows and of the trash, trigram search.
  "Record_live_list_idx",
  "Record_live_all_list_idx",
  "Record_trash_idx",
  "Record_name_trgm_idx",
  "Record_phoneNumber_trgm_idx",
  "Record_externalId_trgm_idx",
  // Migration 20261206110000_external_id_lookup: btrees in the "C" collation, for writes' lookups.
  "Record_external_id_lookup_idx",
  "Record_phone_lookup_idx",
  // Migration 20261207000000_search_grams: runs of six characters of the number and the id, for search.
  "Record_search_grams_idx",
];

interface Catalog {
  columns: string[];
  indexes: Map<string, string>;
  constraints: string[];
}

async function catalog(db: PGlite): Promise<Catalog> {
  const columns = await db.query<{ c: string }>(`
    SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS c
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1`);
  const indexes = await db.query<{ indexname: string; indexdef: string }>(`
    SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
  const constraints = await db.query<{ c: string }>(`
    SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS c
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1`);
  return {
    columns: columns.rows.map((r) => r.c),
    indexes: new Map(indexes.rows.map((r) => [r.indexname, r.indexdef])),
    constraints: constraints.rows.map((r) => r.c),
  };
}

// The schema engine runs once here (about 15 s): on the embedded project only.
describe.runIf(!onPostgres)("prisma/schema.prisma and prisma/migrations", () => {
  it("describe the same database, but for the hand-written indexes", { timeout: 120_000 }, async () => {
    const diff = spawnSync(
      "npx",
      ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      {
        encoding: "utf8",
        env: { ...process.env, PRISMA_SCRATCH_DB: "1" },
        timeout: 110_000,
      },
    );
    expect(diff.status, diff.stderr).toBe(0);

    const migrated = newPglite();
    const fromSchema = newPglite();
    try {
      await applyMigrations(pgliteRunner(migrated));
      await fromSchema.exec(diff.stdout);
      const [a, b] = await Promise.all([catalog(migrated), catalog(fromSchema)]);
      expect(a.columns).toEqual(b.columns);
      expect(a.constraints).toEqual(b.constraints);
      const handWritten = [...a.indexes.keys()].filter((name) => !b.indexes.has(name));
      expect(handWritten.sort()).toEqual([...HAND_WRITTEN_INDEXES].sort());
      for (const [name, def] of b.indexes) expect(a.indexes.get(name), name).toBe(def);
    } finally {
      await Promise.all([migrated.close(), fromSchema.close()]);
    }
  });
});
