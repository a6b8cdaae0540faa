import { describe, expect, it } from "vitest";
import { shareRowsById } from "./share-rows";

const row = (id: string, name = `Row ${id}`) => ({ id, name, attributes: { company: "Acme", tags: ["a"] } });
const page = (items: ReturnType<typeof row>[], totalCount = items.length) => ({ items, totalCount, nextCursor: null });

describe("shareRowsById (React Query's sharing for a page of rows)", () => {
  it("keeps every unchanged row's object when a row leaves the top and the rest move up", () => {
    const before = page([row("a"), row("b"), row("c")], 3);
    // As a refetch brings it: new objects throughout, one row gone, one row new at the end.
    const after = shareRowsById(before, page([row("b"), row("c"), row("d")], 3)) as typeof before;
    expect(after.items.map((r) => r.id)).toEqual(["b", "c", "d"]);
    expect(after.items[0]).toBe(before.items[1]);
    expect(after.items[1]).toBe(before.items[2]);
    expect(after).not.toBe(before);
  });

  it("gives a changed row its new data, and keeps the others", () => {
    const before = page([row("a"), row("b")]);
    const after = shareRowsById(before, page([row("a"), row("b", "Renamed")])) as typeof before;
    expect(after.items[0]).toBe(before.items[0]);
    expect(after.items[1]).not.toBe(before.items[1]);
    expect(after.items[1]!.name).toBe("Renamed");
  });

  it("returns the old page itself when nothing changed, and the new one when only its count did", () => {
    const before = page([row("a"), row("b")], 2);
    expect(shareRowsById(before, page([row("a"), row("b")], 2))).toBe(before);
    const recounted = shareRowsById(before, page([row("a"), row("b")], 9)) as typeof before;
    expect(recounted.totalCount).toBe(9);
    expect(recounted.items[0]).toBe(before.items[0]);
  });

  it("falls back to React Query's own sharing for anything that is not a page of rows", () => {
    const next = page([row("a")]);
    expect(shareRowsById(undefined, next)).toBe(next);
    const counts = { count: 3 };
    expect(shareRowsById(counts, { count: 3 })).toBe(counts);
  });
});
