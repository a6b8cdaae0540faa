import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createSelection } from "@/lib/bulk/selection";
import { importCsv } from "@/lib/imports/csv";
import { decodeCursor } from "@/lib/pagination/cursor";
import { purgeExpired } from "@/lib/purge/purge";
import { listRecords } from "@/lib/records/list";
import { deleteSegment } from "@/lib/segments/delete";
import { softDeleteRecords } from "@/lib/trash/delete";
import { listTrash } from "@/lib/trash/list";
import { restoreRecords } from "@/lib/trash/restore";
import type { createTestDbHandle } from "@/test/ephemeral-db";
import { floorDelete, floorRestore } from "./floors";
import { BENCH_ADMIN, seedExpired, seedSegment } from "./seed";
import { liveLeads, percentile, round1, sample, stats, time, type ScenarioResult } from "./stats";

export type { ScenarioResult };

type Handle = Awaited<ReturnType<typeof createTestDbHandle>>;

const LEADS = { entity: "leads", direction: "next", limit: 50 } as const;

export async function runScenarios(
  handle: Handle,
  n: number,
  log: (line: string) => void,
): Promise<Record<string, ScenarioResult>> {
  const now = new Date();
  const admin = BENCH_ADMIN;
  const out: Record<string, ScenarioResult> = {};
  const read = async (name: string, fn: (round: number) => Promise<unknown>, rounds = 30) => {
    out[name] = stats(await sample(rounds, (r) => time(() => fn(r))));
    log(`${name} ${JSON.stringify(out[name])}`);
  };

  Object.assign(out, await readScenarios(now, log));

  // Delete and restore, each beside its floor on another 1000 rows; the order alternates so
  // neither side always runs on a warmer cache. Every round puts its rows back.
  const del: number[] = [],
    delFloor: number[] = [],
    res: number[] = [],
    resFloor: number[] = [];
  await sample(12, async (r) => {
    const [a, b] = [
      liveLeads(n, 1 + (((r + 2) * 4400) % n), 1000),
      liveLeads(n, 1 + (((r + 2) * 4400 + 2200) % n), 1000),
    ];
    const pair = async (domain: () => Promise<unknown>, floor: () => Promise<unknown>) =>
      r % 2 === 0 ? [await time(domain), await time(floor)] : [await time(floor), await time(domain)].reverse();
    const [d, df] = await pair(
      () => softDeleteRecords(admin, { ids: a }, now),
      () => floorDelete(handle.rawTransaction, admin, b, now),
    );
    const [s, sf] = await pair(
      () => restoreRecords(admin, { ids: a }, now),
      () => floorRestore(handle.rawTransaction, admin, b),
    );
    if (r >= 0) {
      del.push(d!);
      delFloor.push(df!);
      res.push(s!);
      resFloor.push(sf!);
    }
    return 0;
  });
  for (const [name, xs, floor] of [
    ["bulk_soft_delete_1000", del, delFloor],
    ["bulk_restore_1000", res, resFloor],
  ] as const) {
    const floor_ms = round1(percentile(floor, 50));
    out[name] = { ...stats(xs), floor_ms, ratio: Math.round((percentile(xs, 50) / percentile(floor, 50)) * 100) / 100 };
    log(`${name} ${JSON.stringify(out[name])}`);
  }

  let rows = 0;
  await read(
    "select_all_snapshot_50000",
    async () => (rows = (await createSelection(admin, { scope: "records", entity: "leads", q: "acme" }, now)).count),
    10,
  );
  out.select_all_snapshot_50000!.rows = rows;

  const PURGE = Math.min(10_000, Math.ceil(n / 20));
  const purge = await sample(4, async (r) => {
    await seedExpired(handle.runner, r + 2, PURGE);
    return time(async () => {
      const { purged } = await purgeExpired({ now });
      if (purged !== PURGE) throw new Error(`purge_10000: purged ${purged}, expected ${PURGE}`);
    });
  });
  out.purge_10000 = { ...stats(purge), per_s: Math.round(PURGE / (percentile(purge, 50) / 1000)), rows: PURGE };
  log(`purge_10000 ${JSON.stringify(out.purge_10000)}`);

  const MEMBERS = Math.min(50_000, Math.floor(n / 4));
  const seg = await sample(5, async (r) => {
    const id = `bench-seg-del-${r + 2}`;
    await seedSegment(handle.runner, id, MEMBERS);
    return time(() => deleteSegment(admin, { id }, now));
  });
  out.segment_delete_50000 = { ...stats(seg), rows: MEMBERS };
  log(`segment_delete_50000 ${JSON.stringify(out.segment_delete_50000)}`);

  out.import_csv_100000 = await importScenario(Math.min(100_000, n), now);
  log(`import_csv_100000 ${JSON.stringify(out.import_csv_100000)}`);
  return out;
}

/**
 * The reads a person waits on: the list's first and a deep page, searches by name, phone and
 * external id, and the trash's first page. The scaling block runs these at each size.
 */
export async function readScenarios(
  now: Date,
  log: (line: string) => void,
  rounds = 30,
): Promise<Record<string, ScenarioResult>> {
  const admin = BENCH_ADMIN;
  const out: Record<string, ScenarioResult> = {};
  const read = async (name: string, fn: (round: number) => Promise<unknown>) => {
    out[name] = stats(await sample(rounds, (r) => time(() => fn(r))));
    log(`${name} ${JSON.stringify(out[name])}`);
  };
  await read("list_first_page", () => listRecords(admin, LEADS));
  let cursor = (await listRecords(admin, LEADS)).nextCursor;
  for (let page = 2; page <= 40; page++)
    cursor = (await listRecords(admin, { ...LEADS, cursor: decode(cursor) })).nextCursor;
  await read("list_deep_page", () => listRecords(admin, { ...LEADS, cursor: decode(cursor) }));
  const terms = { search_name: "hopper 12", search_phone: "555 012 34", search_external_id: "hs-00123456" };
  for (const [name, q] of Object.entries(terms)) await read(name, () => listRecords(admin, { ...LEADS, q }));
  const all = Object.values(terms);
  await read("search", (r) => listRecords(admin, { ...LEADS, q: all[(r + 3) % all.length] }));
  await read("trash_first_page", () =>
    listTrash(admin, { scope: "all", sort: "purge", direction: "next", limit: 50 }, now),
  );
  return out;
}

/**
 * A generated CSV file streamed through the import as an operator's file would be (the CLI), with
 * the import's peak RSS over what the process held before it.
 */
export async function importScenario(rows: number, now: Date): Promise<ScenarioResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
  const file = path.join(dir, "leads.csv");
  const out = fs.openSync(file, "w", 0o600);
  fs.writeSync(out, "name,phone,external_id,external_provider\n");
  for (let i = 0; i < rows; i += 1000) {
    let chunk = "";
    for (let j = i; j < Math.min(rows, i + 1000); j++)
      chunk += `"Imported, ${j}",+49 30 ${7000000 + j},imp-${j},bench\n`;
    fs.writeSync(out, chunk);
  }
  fs.closeSync(out);
  try {
    global.gc?.(); // npm run bench exposes it: the import starts from a collected heap, not the scenarios' leftovers
    const before = process.memoryUsage();
    const peak = { rss: before.rss, heap: before.heapUsed };
    const probe = setInterval(() => {
      const now = process.memoryUsage();
      peak.rss = Math.max(peak.rss, now.rss);
      peak.heap = Math.max(peak.heap, now.heapUsed);
    }, 25);
    const ms = await time(async () => {
      const result = await importCsv(BENCH_ADMIN, { entity: "leads", mode: "upsert" }, fs.createReadStream(file), now);
      if (result.created !== rows) throw new Error(`import_csv_100000: created ${result.created}, expected ${rows}`);
    });
    clearInterval(probe);
    const mb = (bytes: number) => Math.round(bytes / 1048576);
    return {
      ...stats([ms]),
      per_s: Math.round(rows / (ms / 1000)),
      rows,
      rss_delta_mb: mb(peak.rss - before.rss),
      // The JavaScript heap alone: an embedded PGlite's own memory (its pages, in the process) is outside it.
      heap_delta_mb: mb(peak.heap - before.heapUsed),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Domain inputs take a parsed cursor; the page hands out the encoded one. */
function decode(cursor: string | null) {
  const position = cursor ? decodeCursor(cursor) : null;
  if (!position) throw new Error("the bench ran out of pages: seed more records");
  return position;
}
