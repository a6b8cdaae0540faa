import crypto from "node:crypto";
import fs from "node:fs";
import type { Actor } from "@/lib/actor";
import { closeDb, installDbHandle } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { softDeleteRecords } from "@/lib/trash/delete";
import { restoreRecords } from "@/lib/trash/restore";
import { createTestDbHandle } from "@/test/ephemeral-db";

// npm run bench: bulk soft delete (and restore) of 1000 records that each have notes,
// activities, a line item, relations and segment membership, through the domain function,
// against the raw-SQL floor: the same state change (trash fields, segment cache, audit
// entry) hand-written in one transaction on the same database, in the same run.
// Reports p50/p90 in ms and the ratio p50(domain) / p50(floor). Absolute times drift;
// the ratio is the figure to watch.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const BATCH = 1000;
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

type Handle = Awaited<ReturnType<typeof createTestDbHandle>>;

async function setup(handle: Handle) {
  const db = handle.client;
  const ws = await db.workspace.create({ data: { name: "Bench", slug: `bench-${crypto.randomUUID()}` } });
  const user = await db.user.create({ data: { email: `bench-${crypto.randomUUID()}@bench.example`, name: "Bench", passwordHash: "x" } });
  await db.membership.create({ data: { workspaceId: ws.id, userId: user.id, role: "ADMIN" } });
  const entity = await db.entity.create({ data: { workspaceId: ws.id, slug: "leads", name: "Leads" } });
  const segment = await db.segment.create({ data: { workspaceId: ws.id, entityId: entity.id, name: "All" } });
  const actor: Actor = { userId: user.id, workspaceId: ws.id, role: "ADMIN", name: "Bench", email: user.email, door: "CLI" };
  return { ws, actor, entity, segment };
}

async function makeBatch(handle: Handle, ctx: Awaited<ReturnType<typeof setup>>): Promise<string[]> {
  const db = handle.client;
  const ids = Array.from({ length: BATCH }, () => crypto.randomUUID());
  const workspaceId = ctx.ws.id;
  await db.record.createMany({ data: ids.map((id, i) => ({ id, workspaceId, entityId: ctx.entity.id, name: `Lead ${i}`, externalProvider: "hubspot", externalId: id })) });
  await db.note.createMany({ data: ids.flatMap((recordId) => [{ workspaceId, recordId, body: "first" }, { workspaceId, recordId, body: "second" }]) });
  await db.activity.createMany({ data: ids.flatMap((recordId) => [{ workspaceId, recordId, kind: "call", summary: "Call" }, { workspaceId, recordId, kind: "email", summary: "Email" }]) });
  await db.subformRow.createMany({ data: ids.map((recordId) => ({ workspaceId, recordId, subform: "line_items", position: 0 })) });
  await db.relation.createMany({ data: ids.slice(1).map((toRecordId, i) => ({ workspaceId, fromRecordId: ids[i]!, toRecordId, label: "next" })) });
  await db.segmentMember.createMany({ data: ids.map((recordId) => ({ segmentId: ctx.segment.id, recordId })) });
  return ids;
}

async function floorDelete(handle: Handle, actor: Actor, ids: string[], now: Date) {
  await handle.rawTransaction(async (q) => {
    const batchId = crypto.randomUUID();
    const deleted = await q(
      `UPDATE "Record" SET "deletedAt" = $1, "deletedById" = $2, "deleteBatchId" = $3, "updatedAt" = $1
       WHERE "workspaceId" = $4 AND id = ANY($5::text[]) AND "deletedAt" IS NULL RETURNING id`,
      [now.toISOString(), actor.userId, batchId, actor.workspaceId, ids],
    );
    await q(`DELETE FROM "SegmentMember" WHERE "recordId" = ANY($1::text[])`, [ids]);
    await q(
      `INSERT INTO "AuditLog" (id, "workspaceId", "actorId", door, action, "targetIds", count, details)
       VALUES ($1, $2, $3, 'CLI', 'records.delete', $4::text[], $5, $6::jsonb)`,
      [crypto.randomUUID(), actor.workspaceId, actor.userId, ids, deleted.length, JSON.stringify({ batchId })],
    );
  });
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const time = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

async function benchTarget(name: string, handle: Handle) {
  await applyMigrations(handle.runner);
  installDbHandle(handle);
  const ctx = await setup(handle);
  const domain: number[] = [];
  const floor: number[] = [];
  const restore: number[] = [];
  const now = new Date();
  for (let round = -2; round < ROUNDS; round++) {
    // Alternate the order so neither side always runs on a warmer cache.
    const first = round % 2 === 0;
    const a = await makeBatch(handle, ctx);
    const b = await makeBatch(handle, ctx);
    const runDomain = () => time(() => softDeleteRecords(ctx.actor, { ids: a }, now));
    const runFloor = () => time(() => floorDelete(handle, ctx.actor, b, now));
    const [d, f] = first ? [await runDomain(), await runFloor()] : [await runFloor(), await runDomain()].reverse();
    const r = await time(() => restoreRecords(ctx.actor, { ids: a }, now));
    if (round >= 0) {
      domain.push(d!);
      floor.push(f!);
      restore.push(r);
    }
  }
  await closeDb();
  const row = {
    database: name,
    rounds: ROUNDS,
    deleteP50: percentile(domain, 50),
    deleteP90: percentile(domain, 90),
    floorP50: percentile(floor, 50),
    floorP90: percentile(floor, 90),
    ratio: percentile(domain, 50) / percentile(floor, 50),
    restoreP50: percentile(restore, 50),
  };
  console.log(
    `${name.padEnd(10)} soft delete 1000: p50 ${row.deleteP50.toFixed(1)} ms, p90 ${row.deleteP90.toFixed(1)} ms | raw SQL floor: p50 ${row.floorP50.toFixed(1)} ms, p90 ${row.floorP90.toFixed(1)} ms | ratio ${row.ratio.toFixed(2)} | restore 1000: p50 ${row.restoreP50.toFixed(1)} ms`,
  );
  return row;
}

const results = [await benchTarget("pglite", await createTestDbHandle(undefined))];
try {
  results.push(await benchTarget("postgres", await createTestDbHandle(postgresUrl)));
} catch (error) {
  console.log(`postgres   skipped: ${(error as Error).message} (set BENCH_DATABASE_URL)`);
}
fs.mkdirSync("bench/results", { recursive: true });
fs.writeFileSync("bench/results/latest.json", JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
const worst = Math.max(...results.map((r) => r.ratio));
console.log(`\nWorst ratio ${worst.toFixed(2)} (target ≤ 2.00) — details in bench/results/latest.json`);
process.exit(worst <= 2 ? 0 : 1);
