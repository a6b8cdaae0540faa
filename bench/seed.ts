import type { Actor } from "@/lib/actor";
import type { SqlRunner } from "@/lib/db/sql-runner";

/**
 * Set-based seeding of one benchmark workspace: every table filled by INSERT … SELECT over
 * generate_series, so 200,000 records with their notes, activities, line items, relations and
 * segment memberships take seconds, not minutes. Ids are predictable (`r42`), so scenarios can
 * pick their rows without reading them back.
 *
 * Records i = 1..n: entity by i % 10 (0–4 leads, 5–7 contacts, 8–9 deals); 5% in the trash
 * ((i / 10) % 20 = 3), deleted 0–13 days ago by the admin or the member, none expired yet;
 * names "Acme …" or "Globex …" (about half each, so a search for "Acme" selects ~50,000 leads).
 */
export const BENCH = {
  workspaceId: "bench-ws",
  adminId: "bench-admin",
  memberId: "bench-member",
  leads: "bench-leads",
};
/** The workspace's admin, as the scenarios call the domain. */
export const BENCH_ADMIN: Actor = {
  userId: BENCH.adminId,
  workspaceId: BENCH.workspaceId,
  role: "ADMIN",
  name: "Bench Admin",
  email: "admin@bench.example",
  door: "CLI",
};

const FIRST = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "John", "Margaret", "Ken"];
const LAST = [
  "Lovelace",
  "Hopper",
  "Turing",
  "Dijkstra",
  "Liskov",
  "Knuth",
  "Allen",
  "Backus",
  "Hamilton",
  "Thompson",
  "Ritchie",
  "Kernighan",
  "Wirth",
  "Hoare",
  "Milner",
  "Lamport",
  "Cerf",
  "Kahn",
  "Berners",
  "Perlman",
];
const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(",")}]`;

/** A record row i of the base set, as the column list of "Record" below expects it. */
const recordColumns = `id, "workspaceId", "entityId", name, "phoneNumber", "externalProvider", "externalId", attributes, "createdById", "ownerId", "createdAt", "updatedAt", "deletedAt", "deletedById", "deleteBatchId"`;

export async function seedBench(run: SqlRunner, n: number): Promise<void> {
  // Building an index once over 200,000 rows is far cheaper than growing it row by row (the
  // trigram indexes above all): the secondary indexes of "Record" go, and come back after.
  const indexes = await run.rows<{ indexdef: string; indexname: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'Record' AND indexdef NOT LIKE 'CREATE UNIQUE%'`,
  );
  await run.exec(indexes.map((i) => `DROP INDEX "${i.indexname}";`).join("\n"));
  await seedRecords(run, n);
  await run.exec(indexes.map((i) => `${i.indexdef};`).join("\n"));
  await seedBelongings(run, 1, n, "r");
  await seedSegments(run);
}

async function seedRecords(run: SqlRunner, n: number): Promise<void> {
  const ws = BENCH.workspaceId;
  await run.exec(`
    INSERT INTO "Workspace" (id, name, slug, "retentionDays") VALUES ('${ws}', 'Bench', 'bench', 14);
    INSERT INTO "User" (id, email, name, "passwordHash") VALUES
      ('${BENCH.adminId}', 'admin@bench.example', 'Bench Admin', 'x'), ('${BENCH.memberId}', 'member@bench.example', 'Bench Member', 'x');
    INSERT INTO "Membership" (id, "workspaceId", "userId", role) VALUES
      ('bench-m1', '${ws}', '${BENCH.adminId}', 'ADMIN'), ('bench-m2', '${ws}', '${BENCH.memberId}', 'MEMBER');
    INSERT INTO "Entity" (id, "workspaceId", slug, name) VALUES
      ('bench-leads', '${ws}', 'leads', 'Leads'), ('bench-contacts', '${ws}', 'contacts', 'Contacts'), ('bench-deals', '${ws}', 'deals', 'Deals');
    INSERT INTO "Record" (${recordColumns})
    SELECT 'r' || i, '${ws}',
      CASE WHEN i % 10 < 5 THEN 'bench-leads' WHEN i % 10 < 8 THEN 'bench-contacts' ELSE 'bench-deals' END,
      CASE WHEN (i / 200) % 2 = 0 THEN 'Acme ' ELSE 'Globex ' END || (${arr(FIRST)})[1 + i % 10] || ' ' || (${arr(LAST)})[1 + (i / 10) % 20] || ' ' || i,
      CASE WHEN i % 5 < 4 THEN '+1555' || lpad(i::text, 7, '0') END,
      CASE WHEN i % 5 < 3 THEN 'hubspot' END,
      CASE WHEN i % 5 < 3 THEN 'hs-' || lpad(i::text, 8, '0') END,
      jsonb_build_object('stage', (ARRAY['new','qualified','won','lost'])[1 + i % 4], 'score', i % 100),
      '${BENCH.adminId}', CASE WHEN i % 2 = 0 THEN '${BENCH.adminId}' ELSE '${BENCH.memberId}' END,
      now() - make_interval(secs => i * 60), now(),
      CASE WHEN (i / 10) % 20 = 3 THEN now() - make_interval(mins => (i * 37) % (13 * 24 * 60)) END,
      CASE WHEN (i / 10) % 20 = 3 THEN CASE WHEN i % 3 = 0 THEN '${BENCH.memberId}' ELSE '${BENCH.adminId}' END END,
      CASE WHEN (i / 10) % 20 = 3 THEN 'seed-batch-' || (i / 1000) END
    FROM generate_series(1, ${n}) AS i;
  `);
}

async function seedSegments(run: SqlRunner): Promise<void> {
  const ws = BENCH.workspaceId;
  await run.exec(`
    INSERT INTO "Segment" (id, "workspaceId", "entityId", name, filter, "createdById", "updatedAt") VALUES
      ('bench-seg-all', '${ws}', 'bench-leads', 'All leads', '{"conditions":[]}', '${BENCH.adminId}', now()),
      ('bench-seg-won', '${ws}', 'bench-contacts', 'Won contacts', '{"conditions":[{"field":"stage","op":"equals","value":"won"}]}', '${BENCH.adminId}', now());
    INSERT INTO "SegmentMember" ("segmentId", "recordId")
    SELECT 'bench-seg-all', id FROM "Record" WHERE "entityId" = 'bench-leads' AND "deletedAt" IS NULL;
    INSERT INTO "SegmentMember" ("segmentId", "recordId")
    SELECT 'bench-seg-won', id FROM "Record" WHERE "entityId" = 'bench-contacts' AND "deletedAt" IS NULL AND attributes->>'stage' = 'won';
  `);
}

/** Two notes, two activities, a line item per record, and a relation from every other record to the next. */
async function seedBelongings(run: SqlRunner, from: number, to: number, prefix: string): Promise<void> {
  const ws = BENCH.workspaceId;
  const series = `generate_series(${from}, ${to}) AS i`;
  await run.exec(`
    INSERT INTO "Note" (id, "workspaceId", "recordId", "authorId", body)
    SELECT '${prefix}n' || i || '-' || k, '${ws}', '${prefix}' || i, '${BENCH.adminId}', 'Called about the renewal, note ' || k
    FROM ${series}, generate_series(1, 2) AS k;
    INSERT INTO "Activity" (id, "workspaceId", "recordId", "actorId", kind, summary)
    SELECT '${prefix}a' || i || '-' || k, '${ws}', '${prefix}' || i, '${BENCH.adminId}', (ARRAY['call','email'])[k], 'Follow-up ' || k
    FROM ${series}, generate_series(1, 2) AS k;
    INSERT INTO "SubformRow" (id, "workspaceId", "recordId", subform, position, values)
    SELECT '${prefix}s' || i, '${ws}', '${prefix}' || i, 'line_items', 0, jsonb_build_object('sku', 'SKU-' || i % 500, 'qty', 1 + i % 9)
    FROM ${series};
    INSERT INTO "Relation" (id, "workspaceId", "fromRecordId", "toRecordId", label)
    SELECT '${prefix}l' || i, '${ws}', '${prefix}' || i, '${prefix}' || (i + 1), 'related'
    FROM ${series} WHERE i % 2 = 1 AND i < ${to};
  `);
}

/** `count` more leads, all in the trash past their retention (deleted 20 days ago), with belongings: one purge round's work. */
export async function seedExpired(run: SqlRunner, round: number, count: number): Promise<void> {
  const prefix = `x${round}-`;
  await run.exec(`
    INSERT INTO "Record" (${recordColumns})
    SELECT '${prefix}' || i, '${BENCH.workspaceId}', 'bench-leads', 'Expired ' || i, '+1666' || lpad(i::text, 7, '0'), 'hubspot', '${prefix}' || i,
      '{}', '${BENCH.adminId}', '${BENCH.adminId}', now() - interval '60 days', now(),
      now() - interval '20 days' - make_interval(secs => i), '${BENCH.adminId}', '${prefix}batch'
    FROM generate_series(1, ${count}) AS i;
  `);
  await seedBelongings(run, 1, count, prefix);
}

/** A segment of `members` live leads with two automations on it: one segment-delete round's work. */
export async function seedSegment(run: SqlRunner, id: string, members: number): Promise<void> {
  await run.exec(`
    INSERT INTO "Segment" (id, "workspaceId", "entityId", name, filter, "createdById", "updatedAt")
    VALUES ('${id}', '${BENCH.workspaceId}', 'bench-leads', 'Bench ${id}', '{"conditions":[]}', '${BENCH.adminId}', now());
    INSERT INTO "SegmentMember" ("segmentId", "recordId")
    SELECT '${id}', id FROM "Record" WHERE "entityId" = 'bench-leads' AND "deletedAt" IS NULL LIMIT ${members};
    INSERT INTO "Automation" (id, "workspaceId", name, trigger, "entityId", "segmentId", "createdById")
    SELECT '${id}-auto' || k, '${BENCH.workspaceId}', 'On entry ' || k, 'SEGMENT_ENTERED', 'bench-leads', '${id}', '${BENCH.adminId}'
    FROM generate_series(1, 2) AS k;
  `);
}
