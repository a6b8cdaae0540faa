import crypto from "node:crypto";
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/actor";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/validation";

export const NOW = new Date("2026-11-23T12:00:00.000Z");
const uid = () => crypto.randomBytes(4).toString("hex");

export interface TestWorkspace {
  id: string;
  slug: string;
  actors: { owner: Actor; admin: Actor; member: Actor; member2: Actor; viewer: Actor };
  entities: { leads: string; contacts: string; deals: string };
}

/** Every fixture user's password; its bcrypt hash is computed once per test file. */
export const TEST_PASSWORD = "test-password-1";
let testPasswordHash: Promise<string> | undefined;

async function makeActor(workspaceId: string, role: Role, label: string): Promise<Actor> {
  const email = `${label}-${uid()}@test.example`;
  const passwordHash = await (testPasswordHash ??= hashPassword(TEST_PASSWORD));
  const user = await db().user.create({ data: { email, name: `${label} ${role.toLowerCase()}`, passwordHash } });
  await db().membership.create({ data: { workspaceId, userId: user.id, role } });
  return { userId: user.id, workspaceId, role, name: user.name, email, door: "UI" };
}

/** A workspace with one user of every role (two members) and the three built-in entities. */
export async function makeWorkspace(name = "Acme", retentionDays = 14): Promise<TestWorkspace> {
  const ws = await db().workspace.create({ data: { name, slug: `${name.toLowerCase()}-${uid()}`, retentionDays } });
  const actors = {
    owner: await makeActor(ws.id, "OWNER", "owner"),
    admin: await makeActor(ws.id, "ADMIN", "admin"),
    member: await makeActor(ws.id, "MEMBER", "member"),
    member2: await makeActor(ws.id, "MEMBER", "member2"),
    viewer: await makeActor(ws.id, "VIEWER", "viewer"),
  };
  const entity = async (slug: string, entityName: string) =>
    (await db().entity.create({ data: { workspaceId: ws.id, slug, name: entityName } })).id;
  return {
    id: ws.id,
    slug: ws.slug,
    actors,
    entities: {
      leads: await entity("leads", "Leads"),
      contacts: await entity("contacts", "Contacts"),
      deals: await entity("deals", "Deals"),
    },
  };
}

export interface RecordExtras {
  notes?: number;
  activities?: number;
  subformRows?: number;
}

export async function makeRecord(
  ws: TestWorkspace,
  data: Partial<Prisma.RecordUncheckedCreateInput> = {},
  extras: RecordExtras = {},
) {
  const record = await db().record.create({
    data: {
      workspaceId: ws.id,
      entityId: ws.entities.leads,
      name: `Record ${uid()}`,
      createdById: ws.actors.member.userId,
      ...data,
    },
  });
  const times = (n = 0) => Array.from({ length: n }, (_, i) => i);
  if (extras.notes)
    await db().note.createMany({
      data: times(extras.notes).map((i) => ({ workspaceId: ws.id, recordId: record.id, body: `Note ${i}` })),
    });
  if (extras.activities)
    await db().activity.createMany({
      data: times(extras.activities).map((i) => ({
        workspaceId: ws.id,
        recordId: record.id,
        kind: "call",
        summary: `Call ${i}`,
      })),
    });
  if (extras.subformRows)
    await db().subformRow.createMany({
      data: times(extras.subformRows).map((i) => ({
        workspaceId: ws.id,
        recordId: record.id,
        subform: "line_items",
        position: i,
        values: { product: `P${i}` },
      })),
    });
  return record;
}

/** Many records at once, newest last (createdAt one second apart from `start`). */
export async function makeRecords(
  ws: TestWorkspace,
  count: number,
  data: Partial<Prisma.RecordCreateManyInput> = {},
  start = new Date(NOW.getTime() - count * 1000),
) {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: crypto.randomUUID(),
    workspaceId: ws.id,
    entityId: ws.entities.leads,
    name: `Bulk ${String(i).padStart(5, "0")}`,
    createdAt: new Date(start.getTime() + i * 1000),
    ...data,
  }));
  // In chunks, one after another: past PostgreSQL's 32,767 parameters Prisma splits a createMany
  // and sends the parts at once on one connection, which pg warns is deprecated (npm run load).
  for (let i = 0; i < rows.length; i += 2_000) await db().record.createMany({ data: rows.slice(i, i + 2_000) });
  return rows;
}

export async function relate(ws: TestWorkspace, fromRecordId: string, toRecordId: string, label = "Related") {
  return db().relation.create({ data: { workspaceId: ws.id, fromRecordId, toRecordId, label } });
}

export const asDoor = (actor: Actor, door: Actor["door"]): Actor => ({ ...actor, door });

/**
 * A domain function called the way a door calls it: raw input parsed with the door's schema
 * first. Tests of lists and validation read like requests this way.
 */
export function viaSchema<S extends z.ZodType, T>(
  schema: S,
  call: (actor: Actor, input: z.output<S>, now: Date) => Promise<T>,
) {
  return async (actor: Actor, raw: z.input<S>, now: Date = NOW) => call(actor, parseInput(schema, raw), now);
}

/** Declares fields on one of the workspace's entities (Settings → Fields without the permission check). */
export async function declareFields(
  ws: TestWorkspace,
  entity: keyof TestWorkspace["entities"],
  fields: Omit<Prisma.EntityFieldCreateManyInput, "workspaceId" | "entityId">[],
) {
  await db().entityField.createMany({
    data: fields.map((f, i) => ({ position: i + 1, ...f, workspaceId: ws.id, entityId: ws.entities[entity] })),
  });
}
