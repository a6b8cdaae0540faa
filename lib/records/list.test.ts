import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { makeRecord, makeRecords, makeWorkspace, NOW, viaSchema } from "@/test/fixtures";
import { captureQueries, countStatements, withTestDatabase } from "@/test/db";
import { inTimeZone } from "@/test/time-zone";
import { listRecords as listRecordsTyped, RECORD_ROW_SELECT, toRecordRow } from "./list";
import { SPARSE_MATCHES } from "./keyset";
import { listRecordsSchema } from "./schemas";
import { searchWhere } from "./search";

const listRecords = viaSchema(listRecordsSchema, listRecordsTyped);

withTestDatabase();

describe("listRecords", () => {
  it("pages live records newest first, 50 at a time, forward and back by keyset", async () => {
    const ws = await makeWorkspace();
    const rows = await makeRecords(ws, 120);
    const newest = [...rows].reverse().map((r) => r.id);
    const viewer = ws.actors.viewer;

    const p1 = await listRecords(viewer, { entity: "leads" });
    expect(p1.totalCount).toBe(120);
    expect(p1.items.map((r) => r.id)).toEqual(newest.slice(0, 50));
    expect(p1.prevCursor).toBeNull();

    const p2 = await listRecords(viewer, { entity: "leads", cursor: p1.nextCursor! });
    expect(p2.items.map((r) => r.id)).toEqual(newest.slice(50, 100));
    const p3 = await listRecords(viewer, { entity: "leads", cursor: p2.nextCursor! });
    expect(p3.items.map((r) => r.id)).toEqual(newest.slice(100));
    expect(p3.nextCursor).toBeNull();

    const back = await listRecords(viewer, { entity: "leads", cursor: p3.prevCursor!, direction: "prev" });
    expect(back.items.map((r) => r.id)).toEqual(newest.slice(50, 100));
    const first = await listRecords(viewer, { entity: "leads", cursor: back.prevCursor!, direction: "prev" });
    expect(first.items.map((r) => r.id)).toEqual(newest.slice(0, 50));
    expect(first.prevCursor).toBeNull();
  });

  it("keeps a stable order when records share a creation time", async () => {
    const ws = await makeWorkspace();
    const same = new Date(NOW);
    for (let i = 0; i < 7; i++) await makeRecord(ws, { createdAt: same });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listRecords(ws.actors.member, { entity: "leads", limit: 3, cursor });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(7);
  });

  it("searches by name, phone number and external id, case-insensitively", async () => {
    const ws = await makeWorkspace();
    await makeRecord(ws, {
      name: "Ada Lovelace",
      phoneNumber: "+441234567890",
      externalProvider: "hubspot",
      externalId: "HS-77",
    });
    await makeRecord(ws, { name: "Grace Hopper" });
    const find = async (q: string) =>
      (await listRecords(ws.actors.member, { entity: "leads", q })).items.map((r) => r.name);
    expect(await find("ada")).toEqual(["Ada Lovelace"]);
    expect(await find("4412345")).toEqual(["Ada Lovelace"]);
    expect(await find("hs-77")).toEqual(["Ada Lovelace"]);
    expect(await find("nobody")).toEqual([]);
  });

  it("reads a search with few matches from the search indexes and one with many in list order, paging both alike", async () => {
    const ws = await makeWorkspace();
    const rows = await makeRecords(ws, SPARSE_MATCHES + 50);
    const viewer = ws.actors.viewer;
    const queriesOf = async (q: string, cursor?: string) =>
      (await captureQueries(() => listRecords(viewer, { entity: "leads", q, cursor }))).map((c) => c.query);
    const setsPlan = async (q: string, cursor?: string) =>
      (await queriesOf(q, cursor)).some((query) => query.includes("enable_indexscan"));
    // A search's first page counts and pages in one statement, whatever the number of matches.
    for (const q of ["Bulk 0001", "Bulk"]) {
      const queries = await queriesOf(q);
      expect(queries.filter((query) => query.includes("WITH matches"))).toHaveLength(1);
      expect(queries.some((query) => query.includes("enable_indexscan") || query.includes("COUNT("))).toBe(false);
    }
    expect(await setsPlan("")).toBe(false);
    // Further pages: the count decides how the page is read.
    const next = async (q: string) => (await listRecords(viewer, { entity: "leads", q, limit: 5 })).nextCursor!;
    expect(await setsPlan("Bulk 00", await next("Bulk 00"))).toBe(true);
    expect(await setsPlan("Bulk", await next("Bulk"))).toBe(false);

    // "Bulk 00" matches 1,000 rows: the few-matches path, paged forward and back like any list.
    const matching = rows
      .filter((r) => r.name.startsWith("Bulk 00"))
      .reverse()
      .map((r) => r.id);
    const p1 = await listRecords(viewer, { entity: "leads", q: "Bulk 00" });
    expect(p1.totalCount).toBe(1000);
    expect(p1.items.map((r) => r.id)).toEqual(matching.slice(0, 50));
    const p2 = await listRecords(viewer, { entity: "leads", q: "Bulk 00", cursor: p1.nextCursor! });
    expect(p2.items.map((r) => r.id)).toEqual(matching.slice(50, 100));
    const back = await listRecords(viewer, {
      entity: "leads",
      q: "Bulk 00",
      cursor: p2.prevCursor!,
      direction: "prev",
    });
    expect(back.items.map((r) => r.id)).toEqual(matching.slice(0, 50));
    const many = await listRecords(viewer, { entity: "leads", q: "Bulk" });
    expect(many.totalCount).toBe(SPARSE_MATCHES + 50);
    expect(many.items.map((r) => r.id)).toEqual(
      [...rows]
        .reverse()
        .slice(0, 50)
        .map((r) => r.id),
    );
  });

  const GRAM_TERMS = ["20 7946 003", "+44 20 7946 003", "HS-10-ABC", "s-30-abc"];

  it("finds by a search's first page exactly the rows Prisma's condition finds, a wildcard as itself", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const names = ["Ada 100% Lovelace", "Ada_Lovelace", "ADA LOVELACE", "Grace \\ Hopper", "Alan Turing"];
    for (const [i, name] of names.entries())
      await makeRecord(ws, {
        name,
        phoneNumber: `+4420794600${i}`,
        externalId: i % 2 ? `HS-${i}0-Abc` : null,
        ...(i === 4 ? { entityId: ws.entities.contacts } : {}),
      });
    await makeRecord(ws, { name: "Ada in the trash", deletedAt: NOW, deletedById: ws.actors.member.userId });
    await makeRecord(other, { name: "Ada elsewhere", entityId: other.entities.leads });
    for (const entity of ["leads", undefined])
      // Terms of six plain characters or more go through the grams index; wildcards and short ones do not.
      for (const q of [
        "ada",
        "100%",
        "a_l",
        "%",
        "_",
        "\\",
        "+44 20 7946 0001",
        "0794",
        "20 7946 003",
        "+44 20 7946 003",
        "794_003",
        "hs-1",
        "HS-10-ABC",
        "s-30-abc",
        "0-abc%",
        "nobody here",
      ]) {
        const shown = await listRecords(ws.actors.viewer, { entity, q });
        const expected = await db().record.findMany({
          where: {
            workspaceId: ws.id,
            deletedAt: null,
            ...(entity ? { entityId: ws.entities.leads } : {}),
            ...searchWhere(q),
          },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          select: { id: true },
        });
        // The terms through the grams index each find a row, so the comparison is not of two empty lists.
        if (entity && GRAM_TERMS.includes(q)) expect(expected.length, q).toBeGreaterThan(0);
        expect(
          shown.items.map((r) => r.id),
          `${entity} ${q}`,
        ).toEqual(expected.map((r) => r.id));
        expect(shown.totalCount, `${entity} ${q}`).toBe(expected.length);
      }
    // A wildcard or a backslash is looked for as itself, on both paths.
    const named = async (q: string) =>
      (await listRecords(ws.actors.viewer, { entity: "leads", q })).items.map((r) => r.name).sort();
    expect(await named("a_l")).toEqual(["Ada_Lovelace"]);
    expect(await named("100%")).toEqual(["Ada 100% Lovelace"]);
    expect(await named("%")).toEqual(["Ada 100% Lovelace"]);
    expect(await named("\\")).toEqual(["Grace \\ Hopper"]);
    const byPrisma = await db().record.findMany({ where: { workspaceId: ws.id, ...searchWhere("_") } });
    expect(byPrisma.map((r) => r.name)).toEqual(["Ada_Lovelace"]);
  });

  it("keeps a search's next page when a row of its first page is trashed between finding and reading it", async () => {
    const ws = await makeWorkspace();
    const rows = await makeRecords(ws, 60);
    const newest = [...rows].reverse().map((r) => r.id);
    const records = db().record;
    const findMany = records.findMany.bind(records);
    // The first page's ids are found in one statement and its rows read in the next: trash the
    // page's last row in between, as another person's delete could.
    const trashThenRead = async (args: unknown) => {
      await db().record.update({ where: { id: newest[49]! }, data: { deletedAt: NOW } });
      return findMany(args as never);
    };
    const spy = vi.spyOn(records, "findMany").mockImplementationOnce(trashThenRead as never);
    try {
      const p1 = await listRecords(ws.actors.viewer, { entity: "leads", q: "Bulk" });
      expect(spy).toHaveBeenCalled();
      // 51 ids were found: the 51st fills the page, and the next page still follows it.
      expect(p1.items.map((r) => r.id)).toEqual([...newest.slice(0, 49), newest[50]]);
      expect(p1.nextCursor).not.toBeNull();
      const p2 = await listRecords(ws.actors.viewer, { entity: "leads", q: "Bulk", cursor: p1.nextCursor! });
      expect(p2.items.map((r) => r.id)).toEqual(newest.slice(51));
    } finally {
      spy.mockRestore();
    }
  });

  it("reads a page without a search and its count in one statement: Prisma's rows, every field, both directions", async () => {
    // Far from UTC, as the e2e server runs: a creation time read or sent in the process's time
    // zone would move the cursor by hours and paging would skip rows.
    inTimeZone("Pacific/Auckland");
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const tie = new Date(NOW.getTime() - 60_000);
    for (let i = 0; i < 23; i++)
      await makeRecord(ws, {
        name: `Row ${i}`,
        entityId: i % 3 === 0 ? ws.entities.contacts : ws.entities.leads,
        // Every fourth shares one instant: the tie on id must page like Prisma's order.
        createdAt: i % 4 === 0 ? tie : new Date(NOW.getTime() - i * 1000),
        ownerId: i % 2 === 0 ? ws.actors.member2.userId : null,
        phoneNumber: i % 5 === 0 ? null : `+1555000${i}`,
        externalProvider: i % 2 ? "hubspot" : null,
        externalId: i % 2 ? `hs-${i}` : null,
        attributes: { score: i, stage: i % 2 ? "won" : "new", nested: { a: [i] } },
        recordNumber: BigInt(2) ** BigInt(60) + BigInt(i),
      });
    await makeRecord(ws, { name: "Trashed", deletedAt: NOW, deletedById: ws.actors.member.userId });
    await makeRecord(other, { name: "Elsewhere", entityId: other.entities.leads });

    for (const entity of ["leads", undefined]) {
      const expected = (
        await db().record.findMany({
          where: { workspaceId: ws.id, deletedAt: null, ...(entity ? { entityId: ws.entities.leads } : {}) },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          select: RECORD_ROW_SELECT,
        })
      ).map(toRecordRow);
      // Forward in pages of 4, then back from the last page to the first.
      const pages = [];
      let page = await listRecords(ws.actors.viewer, { entity, limit: 4 });
      expect(await countStatements(() => listRecords(ws.actors.viewer, { entity, limit: 4 }))).toBe(entity ? 2 : 1);
      pages.push(page);
      while (page.nextCursor)
        pages.push((page = await listRecords(ws.actors.viewer, { entity, limit: 4, cursor: page.nextCursor })));
      expect(pages.flatMap((p) => p.items)).toEqual(expected);
      expect(pages.every((p) => p.totalCount === expected.length && !p.totalCountCapped)).toBe(true);
      const back = [page.items];
      while (page.prevCursor) {
        page = await listRecords(ws.actors.viewer, { entity, limit: 4, cursor: page.prevCursor, direction: "prev" });
        back.unshift(page.items);
      }
      expect(back.flat()).toEqual(expected);
    }
    // An empty view still answers its count.
    const empty = await listRecords(ws.actors.viewer, { entity: "deals" });
    expect(empty).toMatchObject({
      items: [],
      totalCount: 0,
      totalCountCapped: false,
      nextCursor: null,
      prevCursor: null,
    });
  });

  it("never shows trashed records or another workspace's records", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const live = await makeRecord(ws, { name: "Live one" });
    await makeRecord(ws, { name: "Trashed one", deletedAt: NOW, deletedById: ws.actors.member.userId });
    await makeRecord(other, { name: "Elsewhere", entityId: other.entities.leads });
    const page = await listRecords(ws.actors.owner, {});
    expect(page.items.map((r) => r.id)).toEqual([live.id]);
    expect(page.totalCount).toBe(1);
  });

  it("answers not found for another workspace's entity, as for an unknown one", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    await expect(listRecords(ws.actors.owner, { entity: other.entities.leads })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(listRecords(ws.actors.owner, { entity: "no-such-entity" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("rejects a malformed cursor or limit with a validation error naming the field", async () => {
    const ws = await makeWorkspace();
    const error = await listRecords(ws.actors.member, { cursor: "garbage" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "VALIDATION", field: "cursor" });
    await expect(listRecords(ws.actors.member, { limit: 500 })).rejects.toMatchObject({
      code: "VALIDATION",
      field: "limit",
    });
    expect(await db().record.count()).toBe(0);
  });
});
