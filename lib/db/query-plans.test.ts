import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/tx";
import { decodeCursor } from "@/lib/pagination/cursor";
import { lockTrashBatch } from "@/lib/purge/destroy-batch";
import { listRecords } from "@/lib/records/list";
import { writeRecords } from "@/lib/records/write";
import { listTrash } from "@/lib/trash/list";
import { BENCH, seedBench } from "@/bench/seed";
import { captureQueries, onPostgres, withTestDatabase } from "@/test/db";

/** Every index a plan reads. */
function indexesIn(node: Record<string, unknown>): string[] {
  const here = typeof node["Index Name"] === "string" ? [node["Index Name"]] : [];
  const children = (node.Plans as Record<string, unknown>[] | undefined) ?? [];
  return [...here, ...children.flatMap(indexesIn)];
}

/** Every plan node that reads "Record" by a sequential scan. */
function seqScansOnRecord(node: Record<string, unknown>): string[] {
  const here =
    node["Node Type"] === "Seq Scan" && node["Relation Name"] === "Record" ? [String(node["Node Type"])] : [];
  const children = (node.Plans as Record<string, unknown>[] | undefined) ?? [];
  return [...here, ...children.flatMap(seqScansOnRecord)];
}

// At the benchmark's scale (npm run bench seeds the same rows), the planner must find an index
// for every query of the list, trash, search and purge selection: a sequential scan of "Record"
// is what made them cost 100–300 ms at 200,000 records.
describe.runIf(onPostgres)("query plans at scale", () => {
  const database = withTestDatabase();
  const admin: Actor = {
    userId: BENCH.adminId,
    workspaceId: BENCH.workspaceId,
    role: "ADMIN",
    name: "Bench Admin",
    email: "admin@bench.example",
    door: "CLI",
  };
  const leads = { entity: "leads", direction: "next", limit: 50 } as const;

  /** EXPLAIN (FORMAT JSON) of every statement `fn` sends that reads "Record". */
  async function plansOf(fn: () => Promise<unknown>) {
    const queries = (await captureQueries(fn)).filter((q) => q.query.includes('"Record"'));
    expect(queries.length).toBeGreaterThan(0);
    return Promise.all(
      queries.map(async (q) => {
        const [row] = await db().$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: Record<string, unknown> }] }[]>(
          `EXPLAIN (FORMAT JSON) ${q.query}`,
          ...(JSON.parse(q.params) as unknown[]),
        );
        const plan = row!["QUERY PLAN"][0].Plan;
        return { query: q.query, seqScans: seqScansOnRecord(plan), indexes: indexesIn(plan) };
      }),
    );
  }
  const expectIndexed = async (fn: () => Promise<unknown>) => {
    for (const plan of await plansOf(fn)) expect(plan.seqScans, plan.query).toEqual([]);
  };

  it(
    "list, deep page, search, trash and the purge selection use indexes at 60,000 records",
    { timeout: 120_000 },
    async () => {
      await seedBench(database.handle().runner, 60_000);
      await database.handle().runner.exec("VACUUM ANALYZE");
      const now = new Date();

      await expectIndexed(() => listRecords(admin, leads));
      const first = await listRecords(admin, leads);
      expect(first.totalCountCapped).toBe(true);
      await expectIndexed(() => listRecords(admin, { ...leads, cursor: decodeCursor(first.nextCursor!)! }));
      for (const q of ["hopper 12", "555 012 34", "hs-00012345"])
        await expectIndexed(() => listRecords(admin, { ...leads, q }));
      // A number or an id of six plain characters or more is found by its runs, not by trigrams
      // every row shares (lib/records/search.ts).
      // Not beside the trigrams either: intersecting the two paid the whole scan again.
      for (const [q, trigrams] of [
        ["555 012 34", "Record_phoneNumber_trgm_idx"],
        ["hs-00012345", "Record_externalId_trgm_idx"],
      ]) {
        const indexes = (await plansOf(() => listRecords(admin, { ...leads, q }))).flatMap((p) => p.indexes);
        expect(indexes, q).toContain("Record_search_grams_idx");
        expect(indexes, q).not.toContain(trigrams);
      }
      await expectIndexed(() => listTrash(admin, { scope: "all", sort: "purge", direction: "next", limit: 50 }, now));
      await expectIndexed(() => transaction((tx) => lockTrashBatch(tx, BENCH.workspaceId, now, 500)));
    },
  );

  it(
    "a write's lookup of 1,000 external ids reads the btree on the id, never the trigram index (5 s a chunk)",
    { timeout: 120_000 },
    async () => {
      await seedBench(database.handle().runner, 60_000);
      await database.handle().runner.exec("VACUUM ANALYZE");
      const ops = Array.from({ length: 1000 }, (_, i) => ({
        op: "upsert" as const,
        matchBy: "externalId" as const,
        values: { name: `Lead ${i}`, externalProvider: "hubspot", externalId: `hs-${String(i * 7).padStart(8, "0")}` },
      }));
      const plans = await plansOf(() =>
        writeRecords(
          admin,
          "leads",
          ops,
          { fireAutomations: false, ifTrashedHolder: "create", dryRun: true },
          new Date(),
        ),
      );
      const lookup = plans.filter((p) => p.query.includes("= ANY"));
      expect(lookup.length).toBeGreaterThan(0);
      for (const plan of lookup) {
        expect(plan.seqScans, plan.query).toEqual([]);
        expect(plan.indexes).toContain("Record_external_id_lookup_idx");
        expect(plan.indexes).not.toContain("Record_externalId_trgm_idx");
      }
    },
  );
});
