import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { softDeleteRecords } from "@/lib/trash/delete";
import { countStatements, withTestDatabase } from "@/test/db";
import { makeRecord, makeWorkspace, NOW, viaSchema } from "@/test/fixtures";
import { countTrash } from "./counts";
import { countOthersDeletions, listTrash as listTrashTyped, listTrashDeleters } from "./list";
import { countHeld } from "./empty";
import { setHold } from "./hold";
import { listTrashSchema } from "./schemas";

const listTrash = viaSchema(listTrashSchema, listTrashTyped);

withTestDatabase();
const H = 3_600_000;
const DAY = 24 * H;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

async function setup() {
  const ws = await makeWorkspace();
  const other = await makeWorkspace("Other");
  const old = await makeRecord(ws, { name: "Old lead" });
  const fresh = await makeRecord(ws, { name: "Fresh contact", entityId: ws.entities.contacts });
  const adminOne = await makeRecord(ws, { name: "Admin's" });
  const foreign = await makeRecord(other, { entityId: other.entities.leads, name: "Foreign" });
  await softDeleteRecords(ws.actors.member, { ids: [old.id] }, ago(13 * DAY + 20 * H));
  await softDeleteRecords(ws.actors.member, { ids: [fresh.id] }, ago(H));
  await softDeleteRecords(ws.actors.admin, { ids: [adminOne.id] }, ago(2 * DAY));
  await softDeleteRecords(other.actors.admin, { ids: [foreign.id] }, ago(H));
  await makeRecord(ws, { name: "Live" });
  return { ws, old, fresh, adminOne };
}

describe("the trash view", () => {
  it("shows a MEMBER what they deleted, soonest purge first, with purgeAt = deletedAt + 14 days", async () => {
    const { ws, old, fresh } = await setup();
    const page = await listTrash(ws.actors.member, {}, NOW);
    expect(page.scope).toBe("mine");
    expect(page.items.map((r) => r.id)).toEqual([old.id, fresh.id]);
    expect(page.items[0]).toMatchObject({
      purgeAt: new Date(ago(13 * DAY + 20 * H).getTime() + 14 * DAY).toISOString(),
      deletedBy: { id: ws.actors.member.userId },
    });
    expect(await countTrash(ws.actors.member)).toBe(2);
  });

  it("names each row's record type, who deleted it and who keeps it, with people read once for the page", async () => {
    const { ws, old, fresh, adminOne } = await setup();
    await setHold(ws.actors.owner, { id: adminOne.id, hold: true }, NOW);
    const statementsBefore = await countStatements(() => listTrash(ws.actors.admin, {}, NOW));
    const page = await listTrash(ws.actors.admin, {}, NOW);
    const person = (a: { userId: string; name: string; email: string }) => ({
      id: a.userId,
      name: a.name,
      email: a.email,
    });
    const byId = new Map(page.items.map((r) => [r.id, r]));
    expect(byId.get(old.id)).toMatchObject({
      entity: { id: ws.entities.leads, slug: "leads", name: "Leads" },
      deletedBy: person(ws.actors.member),
      heldBy: null,
      canRestore: true,
    });
    expect(byId.get(fresh.id)).toMatchObject({ entity: { id: ws.entities.contacts, slug: "contacts" } });
    expect(byId.get(adminOne.id)).toMatchObject({
      deletedBy: person(ws.actors.admin),
      heldBy: ws.actors.owner.name,
      heldAt: NOW.toISOString(),
    });
    // The workspace, the record types, the count, the page, the people: never one read per relation.
    expect(statementsBefore).toBe(5);
  });

  it("refuses a MEMBER the whole workspace's trash; ADMIN+ see all of it, never another workspace's", async () => {
    const { ws } = await setup();
    await expect(listTrash(ws.actors.member, { scope: "all" }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const all = await listTrash(ws.actors.admin, {}, NOW);
    expect(all.scope).toBe("all");
    expect(all.items.map((r) => r.name)).toEqual(["Old lead", "Admin's", "Fresh contact"]);
    expect(await countTrash(ws.actors.owner)).toBe(3);
    expect((await listTrash(ws.actors.admin, { scope: "mine" }, NOW)).items.map((r) => r.name)).toEqual(["Admin's"]);
  });

  it("filters by the days deleted, both ends included (UTC days), and refuses a day it cannot read", async () => {
    const { ws } = await setup();
    const names = async (q: Parameters<typeof listTrash>[1]) =>
      (await listTrash(ws.actors.admin, { ...q, sort: "recent" }, NOW)).items.map((r) => r.name);
    // Deleted 2026-11-09 16:00, 2026-11-21 12:00 and 2026-11-23 11:00 UTC.
    expect(await names({ deletedFrom: "2026-11-21", deletedTo: "2026-11-21" })).toEqual(["Admin's"]);
    expect(await names({ deletedFrom: "2026-11-21" })).toEqual(["Fresh contact", "Admin's"]);
    expect(await names({ deletedTo: "2026-11-09" })).toEqual(["Old lead"]);
    expect(await names({ deletedFrom: "2026-11-10", deletedTo: "2026-11-20" })).toEqual([]);
    await expect(listTrash(ws.actors.admin, { deletedFrom: "21/11/2026" }, NOW)).rejects.toMatchObject({
      code: "VALIDATION",
      field: "deletedFrom",
    });
  });

  it("filters by entity, by who deleted, by expiring within 24 hours, by search, and sorts by recent", async () => {
    const { ws } = await setup();
    const names = async (q: Parameters<typeof listTrash>[1]) =>
      (await listTrash(ws.actors.admin, q, NOW)).items.map((r) => r.name);
    expect(await names({ entity: "contacts" })).toEqual(["Fresh contact"]);
    expect(await names({ deletedBy: ws.actors.admin.userId })).toEqual(["Admin's"]);
    expect(await names({ expiringWithinHours: 24 })).toEqual(["Old lead"]);
    expect(await names({ q: "admin" })).toEqual(["Admin's"]);
    expect(await names({ sort: "recent" })).toEqual(["Fresh contact", "Admin's", "Old lead"]);
  });

  it("pages with a cursor", async () => {
    const { ws } = await setup();
    const first = await listTrash(ws.actors.admin, { limit: 2 }, NOW);
    expect(first.items).toHaveLength(2);
    const second = await listTrash(ws.actors.admin, { limit: 2, cursor: first.nextCursor! }, NOW);
    expect(second.items.map((r) => r.name)).toEqual(["Fresh contact"]);
    expect(second.nextCursor).toBeNull();
  });
});

describe("what a view leaves out, counted (issue 27)", () => {
  it("tells a MEMBER how many records others deleted, and an ADMIN how many are on hold", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const [a, b, c] = [await makeRecord(ws), await makeRecord(ws), await makeRecord(ws)];
    await softDeleteRecords(ws.actors.member, { ids: [a.id] }, NOW);
    await softDeleteRecords(ws.actors.member2, { ids: [b.id, c.id] }, NOW);
    await softDeleteRecords(
      other.actors.owner,
      { ids: [(await makeRecord(other, { entityId: other.entities.leads })).id] },
      NOW,
    );
    expect(await countOthersDeletions(ws.actors.member)).toBe(2);
    expect(await countOthersDeletions(ws.actors.member2)).toBe(1);
    expect(await countHeld(ws.actors.admin)).toBe(0);
    await setHold(ws.actors.admin, { id: b.id, hold: true }, NOW);
    expect(await countHeld(ws.actors.admin)).toBe(1);
    await expect(countHeld(ws.actors.member)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe('the trash\'s "deleted by" choices and counts, with a record whose deleter is gone', () => {
  it("lists who has something in the view, by name; counts a deletion by nobody as someone else's", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const [a, b, c, live] = [await makeRecord(ws), await makeRecord(ws), await makeRecord(ws), await makeRecord(ws)];
    await softDeleteRecords(ws.actors.member2, { ids: [a.id] }, NOW);
    await softDeleteRecords(ws.actors.member, { ids: [b.id, c.id] }, NOW);
    // A deleter whose account went: the record stays in the trash with no one named.
    await db().record.update({ where: { id: c.id }, data: { deletedById: null } });
    await softDeleteRecords(
      other.actors.owner,
      { ids: [(await makeRecord(other, { entityId: other.entities.leads })).id] },
      NOW,
    );

    const everyone = await listTrashDeleters(ws.actors.admin, "all");
    expect(everyone.map((p) => p.id).sort()).toEqual([ws.actors.member.userId, ws.actors.member2.userId].sort());
    expect(everyone.map((p) => p.name)).toEqual(everyone.map((p) => p.name).sort());
    expect(await listTrashDeleters(ws.actors.member, "mine")).toEqual([
      { id: ws.actors.member.userId, name: ws.actors.member.name },
    ]);
    await expect(listTrashDeleters(ws.actors.member, "all")).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await listTrashDeleters(other.actors.owner, "all")).toEqual([
      { id: other.actors.owner.userId, name: other.actors.owner.name },
    ]);
    // The live record is nobody's deletion; the nameless one counts as others' for both members.
    expect(live.id).toBeTruthy();
    expect(await countOthersDeletions(ws.actors.member)).toBe(2);
    expect(await countOthersDeletions(ws.actors.member2)).toBe(2);
  });
});
