import crypto from "node:crypto";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { filterWhere, type SegmentFilter } from "@/lib/segments/filter";
import { liveRecords } from "@/lib/records/live";
import { demoFields } from "./fields";
import * as w from "./words";

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface SeedOptions {
  now?: Date;
  password?: string;
  /** Records in the Demo workspace, spread over leads, contacts and deals (default 2,800). */
  recordCount?: number;
}

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "owner@example.com", name: "Olivia Owner", role: "OWNER" },
  { email: "admin@example.com", name: "Adam Admin", role: "ADMIN" },
  { email: "member@example.com", name: "Maya Member", role: "MEMBER" },
  { email: "member2@example.com", name: "Marco Member", role: "MEMBER" },
  { email: "viewer@example.com", name: "Vera Viewer", role: "VIEWER" },
];
export const OTHER_OWNER = { email: "owner@other.example.com", name: "Otto Other", role: "OWNER" as Role };
/** The demo's owner also helps run Other Corp, as its ADMIN: the workspace switcher has two to show. */
export const IN_BOTH = { email: "owner@example.com", role: "ADMIN" as Role };

const id = () => crypto.randomUUID();

export async function isDatabaseEmpty(client: PrismaClient): Promise<boolean> {
  return (await client.workspace.count()) === 0 && (await client.user.count()) === 0;
}

export async function seedDemo(client: PrismaClient, options: SeedOptions = {}) {
  const now = options.now ?? new Date();
  const passwordHash = await hashPassword(options.password ?? "demo-password");
  const random = w.createRandom(20261123);
  const total = options.recordCount ?? 2800;

  const demo = await seedWorkspace(client, {
    name: "Demo",
    slug: "demo",
    users: DEMO_USERS,
    passwordHash,
    random,
    now,
    counts: {
      leads: Math.round(total * 0.5),
      contacts: Math.round(total * 0.32),
      deals: total - Math.round(total * 0.5) - Math.round(total * 0.32),
    },
  });
  const other = await seedWorkspace(client, {
    name: "Other Corp",
    slug: "other",
    users: [OTHER_OWNER],
    passwordHash,
    random,
    now,
    counts: { leads: 80, contacts: 50, deals: 30 },
  });
  // Created after the Demo memberships, so signing in still opens Demo first.
  await client.membership.create({
    data: { workspaceId: other.workspaceId, userId: demo.userIds[IN_BOTH.email]!, role: IN_BOTH.role },
  });
  await seedSegmentsAndAutomations(client, demo, now);
  await seedSegmentsAndAutomations(client, other, now);
  await seedTrash(client, demo, random, now);
  return { demoWorkspaceId: demo.workspaceId, otherWorkspaceId: other.workspaceId };
}

interface SeededWorkspace {
  workspaceId: string;
  userIds: Record<string, string>;
  entityIds: Record<"leads" | "contacts" | "deals", string>;
  recordIds: Record<"leads" | "contacts" | "deals", string[]>;
}

async function seedWorkspace(
  client: PrismaClient,
  input: {
    name: string;
    slug: string;
    users: typeof DEMO_USERS;
    passwordHash: string;
    random: w.Random;
    now: Date;
    counts: Record<"leads" | "contacts" | "deals", number>;
  },
): Promise<SeededWorkspace> {
  const { random, now } = input;
  const workspace = await client.workspace.create({ data: { name: input.name, slug: input.slug } });
  const workspaceId = workspace.id;
  const userIds: Record<string, string> = {};
  for (const u of input.users) {
    const user = await client.user.create({ data: { email: u.email, name: u.name, passwordHash: input.passwordHash } });
    await client.membership.create({ data: { workspaceId, userId: user.id, role: u.role } });
    userIds[u.email] = user.id;
  }
  const writers = input.users.filter((u) => u.role !== "VIEWER").map((u) => userIds[u.email]!);
  const entityIds = {} as SeededWorkspace["entityIds"];
  for (const [slug, name] of [
    ["leads", "Leads"],
    ["contacts", "Contacts"],
    ["deals", "Deals"],
  ] as const) {
    entityIds[slug] = (await client.entity.create({ data: { workspaceId, slug, name } })).id;
    await client.entityField.createMany({ data: demoFields(workspaceId, entityIds[slug], slug) });
  }

  const records: Prisma.RecordCreateManyInput[] = [];
  const recordIds = { leads: [], contacts: [], deals: [] } as SeededWorkspace["recordIds"];
  const externalSeq = { n: 100_000 };
  for (const slug of ["leads", "contacts", "deals"] as const) {
    for (let i = 0; i < input.counts[slug]; i++) {
      const person = `${random.pick(w.FIRST_NAMES)} ${random.pick(w.LAST_NAMES)}`;
      const company = random.pick(w.COMPANIES);
      const createdAt = new Date(now.getTime() - random.int(1, 200 * 24) * HOUR - random.int(0, 3_599_000));
      const hasExternal = random.chance(0.7);
      const recordId = id();
      recordIds[slug].push(recordId);
      records.push({
        id: recordId,
        workspaceId,
        entityId: entityIds[slug],
        name: slug === "deals" ? `${company} — ${random.pick(w.PRODUCTS)[0].replace(/ \(.*\)/, "")}` : person,
        phoneNumber: slug === "deals" ? null : w.phoneNumber(random),
        externalProvider: hasExternal ? random.pick(w.PROVIDERS) : null,
        externalId: hasExternal ? String(externalSeq.n++) : null,
        attributes: attributesFor(slug, person, company, random, now),
        createdById: random.pick(writers),
        ownerId: random.pick(writers),
        createdAt,
        updatedAt: createdAt,
      });
    }
  }
  await insertInChunks(records, (data) => client.record.createMany({ data }));

  const notes: Prisma.NoteCreateManyInput[] = [];
  const activities: Prisma.ActivityCreateManyInput[] = [];
  const subformRows: Prisma.SubformRowCreateManyInput[] = [];
  for (const r of records) {
    const created = (r.createdAt as Date).getTime();
    const span = Math.max(HOUR, now.getTime() - created);
    for (let n = random.int(0, 3); n > 0; n--) {
      notes.push({
        id: id(),
        workspaceId,
        recordId: r.id!,
        authorId: random.pick(writers),
        body: random.pick(w.NOTE_TEXTS),
        createdAt: new Date(created + random.next() * span),
      });
    }
    for (let n = random.int(1, 4); n > 0; n--) {
      const [kind, summary] = random.pick(w.ACTIVITY_KINDS);
      activities.push({
        id: id(),
        workspaceId,
        recordId: r.id!,
        actorId: random.pick(writers),
        kind,
        summary,
        occurredAt: new Date(created + random.next() * span),
      });
    }
    if (r.entityId === entityIds.deals) {
      for (let p = 0, n = random.int(1, 3); p < n; p++) {
        const [product, unitPrice] = random.pick(w.PRODUCTS);
        subformRows.push({
          id: id(),
          workspaceId,
          recordId: r.id!,
          subform: "line_items",
          position: p,
          values: { product, quantity: random.int(1, 5), unitPrice },
        });
      }
    }
  }
  await insertInChunks(notes, (data) => client.note.createMany({ data }));
  await insertInChunks(activities, (data) => client.activity.createMany({ data }));
  await insertInChunks(subformRows, (data) => client.subformRow.createMany({ data }));

  const relations: Prisma.RelationCreateManyInput[] = [];
  const seen = new Set<string>();
  const relate = (fromRecordId: string, toRecordId: string, label: string) => {
    const key = `${fromRecordId}:${toRecordId}:${label}`;
    if (fromRecordId === toRecordId || seen.has(key)) return;
    seen.add(key);
    relations.push({ id: id(), workspaceId, fromRecordId, toRecordId, label });
  };
  for (const dealId of recordIds.deals) {
    relate(dealId, random.pick(recordIds.contacts), "Primary contact");
    if (random.chance(0.5)) relate(dealId, random.pick(recordIds.contacts), "Stakeholder");
  }
  for (const leadId of recordIds.leads) {
    if (random.chance(0.35)) relate(leadId, random.pick(recordIds.contacts), "Referred by");
    if (random.chance(0.15)) relate(leadId, random.pick(recordIds.deals), "Opened deal");
  }
  await insertInChunks(relations, (data) => client.relation.createMany({ data }));
  return { workspaceId, userIds, entityIds, recordIds };
}

function attributesFor(
  slug: "leads" | "contacts" | "deals",
  person: string,
  company: string,
  random: w.Random,
  now: Date,
) {
  const email = `${person
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z ]/g, "")
    .replace(" ", ".")}@${company.toLowerCase().replace(/[^a-z]/g, "")}.example`;
  if (slug === "leads") {
    return {
      email,
      company,
      title: random.pick(w.TITLES),
      status: random.pick(w.LEAD_STATUSES),
      source: random.pick(w.LEAD_SOURCES),
      city: random.pick(w.CITIES),
      score: random.int(1, 100),
    };
  }
  if (slug === "contacts") {
    return {
      email,
      company,
      title: random.pick(w.TITLES),
      lifecycle: random.pick(w.LIFECYCLES),
      city: random.pick(w.CITIES),
    };
  }
  const closeDate = new Date(now.getTime() + random.int(-60, 120) * DAY).toISOString().slice(0, 10);
  return { company, stage: random.pick(w.DEAL_STAGES), amount: random.int(12, 480) * 250, currency: "EUR", closeDate };
}

async function insertInChunks<T>(rows: T[], insert: (rows: T[]) => Promise<unknown>, size = 2000) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

const SEGMENT_PLANS: {
  name: string;
  entity: "leads" | "contacts" | "deals";
  by: string;
  filter: SegmentFilter;
  automation?: string;
}[] = [
  {
    name: "Qualified leads",
    entity: "leads",
    by: "member@example.com",
    filter: { conditions: [{ field: "status", op: "equals", value: "Qualified" }] },
    automation: "Welcome sequence for qualified leads",
  },
  {
    name: "Trade show leads in Berlin",
    entity: "leads",
    by: "member2@example.com",
    filter: {
      conditions: [
        { field: "source", op: "equals", value: "Trade show" },
        { field: "city", op: "equals", value: "Berlin" },
      ],
    },
    automation: "Invite to Berlin meetup",
  },
  {
    name: "Deals in negotiation",
    entity: "deals",
    by: "admin@example.com",
    filter: { conditions: [{ field: "stage", op: "equals", value: "Negotiation" }] },
    automation: "Deal desk alert",
  },
  {
    name: "Customers",
    entity: "contacts",
    by: "owner@example.com",
    filter: { conditions: [{ field: "lifecycle", op: "equals", value: "Customer" }] },
  },
  {
    name: "Webinar sign-ups",
    entity: "leads",
    by: "member@example.com",
    filter: { conditions: [{ field: "source", op: "equals", value: "Webinar" }] },
  },
  {
    name: "New leads",
    entity: "leads",
    by: "owner@other.example.com",
    filter: { conditions: [{ field: "status", op: "equals", value: "New" }] },
    automation: "Assign new leads",
  },
];

async function seedSegmentsAndAutomations(client: PrismaClient, ws: SeededWorkspace, now: Date) {
  const ownerId = Object.values(ws.userIds)[0]!;
  for (const plan of SEGMENT_PLANS) {
    const createdById = ws.userIds[plan.by];
    if (!createdById) continue;
    const entityId = ws.entityIds[plan.entity];
    const segment = await client.segment.create({
      data: {
        workspaceId: ws.workspaceId,
        entityId,
        name: plan.name,
        filter: plan.filter,
        createdById,
        createdAt: new Date(now.getTime() - 20 * DAY),
      },
    });
    const members = await client.record.findMany({
      where: liveRecords(ws.workspaceId, { entityId, ...filterWhere(plan.filter) }),
      select: { id: true },
    });
    await client.segmentMember.createMany({ data: members.map((m) => ({ segmentId: segment.id, recordId: m.id })) });
    if (plan.automation) {
      await client.automation.create({
        data: {
          workspaceId: ws.workspaceId,
          name: plan.automation,
          trigger: "SEGMENT_ENTERED",
          segmentId: segment.id,
          entityId,
          createdById,
        },
      });
    }
  }
  for (const [entity, name] of [
    ["leads", "Notify lead owner on deletion"],
    ["contacts", "Sync deleted contacts to the data warehouse"],
  ] as const) {
    await client.automation.create({
      data: {
        workspaceId: ws.workspaceId,
        name,
        trigger: "RECORD_DELETED",
        entityId: ws.entityIds[entity],
        createdById: ownerId,
      },
    });
  }
}

/** A few records already in the trash at different ages, one about to expire, one on hold. */
async function seedTrash(client: PrismaClient, ws: SeededWorkspace, random: w.Random, now: Date) {
  const { workspace } = { workspace: await client.workspace.findUniqueOrThrow({ where: { id: ws.workspaceId } }) };
  const retentionMs = workspace.retentionDays * DAY;
  const plan: [string, number, boolean?][] = [
    ["member@example.com", 2 * HOUR],
    ["member@example.com", 1 * DAY],
    ["member2@example.com", 3 * DAY],
    ["admin@example.com", 5 * DAY],
    ["member@example.com", 8 * DAY],
    ["owner@example.com", 10 * DAY],
    ["member2@example.com", 12 * DAY],
    ["admin@example.com", 13 * DAY + 2 * HOUR],
    ["member@example.com", retentionMs - 4 * HOUR],
    ["admin@example.com", retentionMs - 30 * 60_000],
    ["admin@example.com", 11 * DAY, true],
  ];
  const pool = [
    ...ws.recordIds.leads.slice(-40),
    ...ws.recordIds.contacts.slice(-20),
    ...ws.recordIds.deals.slice(-10),
  ];
  for (const [email, age, hold] of plan) {
    const recordId = pool.splice(random.int(0, pool.length - 1), 1)[0]!;
    const deletedAt = new Date(now.getTime() - age);
    const deletedById = ws.userIds[email]!;
    const record = await client.record.update({
      where: { id: recordId },
      data: {
        deletedAt,
        deletedById,
        deleteBatchId: id(),
        ...(hold ? { heldAt: new Date(deletedAt.getTime() + HOUR), heldById: ws.userIds["admin@example.com"] } : {}),
      },
    });
    await client.segmentMember.deleteMany({ where: { recordId } });
    // The entity's on-delete automations ran then, as the domain's delete would have made them.
    const automations = await client.automation.findMany({
      where: { workspaceId: ws.workspaceId, trigger: "RECORD_DELETED", status: "ACTIVE", entityId: record.entityId },
    });
    await client.automationRun.createMany({
      data: automations.map((a) => ({
        workspaceId: ws.workspaceId,
        automationId: a.id,
        recordId,
        event: "record.deleted",
        door: "UI" as const,
        createdAt: deletedAt,
      })),
    });
    await client.auditLog.create({
      data: {
        workspaceId: ws.workspaceId,
        actorId: deletedById,
        door: "UI",
        action: "records.delete",
        entityId: record.entityId,
        targetIds: [recordId],
        count: 1,
        details: { names: [record.name] },
        createdAt: deletedAt,
      },
    });
  }
}
