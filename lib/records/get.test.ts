import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { softDeleteRecords } from "@/lib/trash/delete";
import { getTrashedRecord } from "@/lib/trash/preview";
import { countStatements, withTestDatabase } from "@/test/db";
import { makeRecord, makeWorkspace, NOW, relate } from "@/test/fixtures";
import { getRecord } from "./get";

withTestDatabase();
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

/** A record with two of everything that belongs to it, at known times, and neighbours in each state. */
async function setup() {
  const ws = await makeWorkspace();
  const record = await makeRecord(ws, {
    name: "Ada Lovelace",
    phoneNumber: "+44 20 7946 0001",
    externalProvider: "hubspot",
    externalId: "hs-1",
    attributes: { status: "Qualified", score: 7 },
    ownerId: ws.actors.admin.userId,
    createdAt: at(0),
  });
  await db().note.createMany({
    data: [
      { workspaceId: ws.id, recordId: record.id, body: "First", authorId: ws.actors.member.userId, createdAt: at(1) },
      { workspaceId: ws.id, recordId: record.id, body: "Second, no author", createdAt: at(2) },
    ],
  });
  await db().activity.createMany({
    data: [
      {
        workspaceId: ws.id,
        recordId: record.id,
        kind: "call",
        summary: "Called",
        actorId: ws.actors.admin.userId,
        occurredAt: at(3),
      },
      { workspaceId: ws.id, recordId: record.id, kind: "email", summary: "Wrote", occurredAt: at(4) },
    ],
  });
  await db().subformRow.createMany({
    data: [
      { workspaceId: ws.id, recordId: record.id, subform: "line_items", position: 1, values: { product: "B" } },
      { workspaceId: ws.id, recordId: record.id, subform: "line_items", position: 0, values: { product: "A", qty: 2 } },
    ],
  });
  const friend = await makeRecord(ws, { name: "Live friend", entityId: ws.entities.contacts });
  const manager = await makeRecord(ws, { name: "Trashed manager" });
  const boss = await makeRecord(ws, { name: "Live boss" });
  await relate(ws, record.id, friend.id, "Works with");
  await relate(ws, manager.id, record.id, "Manages");
  await relate(ws, boss.id, record.id, "Leads");
  await softDeleteRecords(ws.actors.admin, { ids: [manager.id] }, NOW);
  return { ws, record, friend, manager, boss };
}

describe("a record with everything that belongs to it", () => {
  it("reads every part, in its order, with the people's names, in one statement", async () => {
    const { ws, record, friend, boss } = await setup();
    const statements = await countStatements(() => getRecord(ws.actors.viewer, { id: record.id }));
    const detail = await getRecord(ws.actors.viewer, { id: record.id });
    expect(detail).toEqual({
      id: record.id,
      recordNumber: record.recordNumber.toString(),
      name: "Ada Lovelace",
      entity: { id: ws.entities.leads, slug: "leads", name: "Leads" },
      phoneNumber: "+44 20 7946 0001",
      externalProvider: "hubspot",
      externalId: "hs-1",
      attributes: { status: "Qualified", score: 7 },
      owner: ws.actors.admin.name,
      createdBy: ws.actors.member.name,
      createdAt: at(0).toISOString(),
      updatedAt: record.updatedAt.toISOString(),
      notes: [
        { id: expect.any(String), body: "Second, no author", author: null, createdAt: at(2).toISOString() },
        { id: expect.any(String), body: "First", author: ws.actors.member.name, createdAt: at(1).toISOString() },
      ],
      activities: [
        { id: expect.any(String), kind: "email", summary: "Wrote", actor: null, occurredAt: at(4).toISOString() },
        {
          id: expect.any(String),
          kind: "call",
          summary: "Called",
          actor: ws.actors.admin.name,
          occurredAt: at(3).toISOString(),
        },
      ],
      subformRows: [
        { id: expect.any(String), subform: "line_items", position: 0, values: { product: "A", qty: 2 } },
        { id: expect.any(String), subform: "line_items", position: 1, values: { product: "B" } },
      ],
      // Live other ends only: the trashed manager's link waits for a restore.
      relations: [
        {
          id: expect.any(String),
          label: "Works with",
          direction: "to",
          record: {
            id: friend.id,
            name: "Live friend",
            entitySlug: "contacts",
            entityName: "Contacts",
            trashed: false,
          },
        },
        {
          id: expect.any(String),
          label: "Leads",
          direction: "from",
          record: { id: boss.id, name: "Live boss", entitySlug: "leads", entityName: "Leads", trashed: false },
        },
      ],
    });
    expect(statements).toBe(1);
    // By its number too.
    expect((await getRecord(ws.actors.viewer, { id: record.recordNumber.toString() })).id).toBe(record.id);
  });

  it("lists every other end in a trashed record's preview, each marked, and nothing of another workspace", async () => {
    const { ws, record, manager } = await setup();
    const other = await makeWorkspace("Other");
    await expect(getRecord(other.actors.admin, { id: record.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await softDeleteRecords(ws.actors.admin, { ids: [record.id] }, NOW);
    await expect(getRecord(ws.actors.admin, { id: record.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const preview = await getTrashedRecord(ws.actors.admin, { id: record.id }, NOW);
    expect(preview.relations.map((r) => [r.label, r.direction, r.record.name, r.record.trashed])).toEqual([
      ["Works with", "to", "Live friend", false],
      ["Manages", "from", manager.name, true],
      ["Leads", "from", "Live boss", false],
    ]);
    expect(preview.notes.map((n) => n.body)).toEqual(["Second, no author", "First"]);
  });
});
