import { describe, expect, it } from "vitest";
import { withShownAttributes } from "./columns";

describe("withShownAttributes", () => {
  const page = {
    total: 2,
    items: [
      { id: "a", attributes: { company: "Acme", status: "new", score: 7, notes: "x".repeat(500) } },
      { id: "b", attributes: { source: null, custom_field: "kept out" } },
    ],
  };

  it("keeps only the attributes a column of the entity shows, and everything else of the page", () => {
    expect(withShownAttributes(page, "leads")).toEqual({
      total: 2,
      items: [
        { id: "a", attributes: { company: "Acme", status: "new" } },
        { id: "b", attributes: { source: null } },
      ],
    });
  });

  it("sends no attributes for an entity whose table shows none, and leaves the page it was given alone", () => {
    expect(withShownAttributes(page, "custom-entity").items.map((r) => r.attributes)).toEqual([{}, {}]);
    expect(page.items[0]!.attributes.score).toBe(7);
  });
});
