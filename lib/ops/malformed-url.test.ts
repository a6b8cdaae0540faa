import { describe, expect, it } from "vitest";
import { decodableUrl } from "./malformed-url";

describe("decodableUrl", () => {
  it("leaves a path that decodes, and its query, exactly as sent", () => {
    expect(decodableUrl("/records/leads?q=%E2%82%AC")).toBe("/records/leads?q=%E2%82%AC");
    expect(decodableUrl("/crm/v2/Leads/abc%20def")).toBe("/crm/v2/Leads/abc%20def");
  });

  it("escapes every % of a path that does not decode, and keeps the query", () => {
    expect(decodableUrl("/records/%FF")).toBe("/records/%25FF");
    expect(decodableUrl("/records/%E0%A4%A?x=%00")).toBe("/records/%25E0%25A4%25A?x=%00");
    expect(() => decodeURIComponent(decodableUrl("/v2/crm/leads/%C0%AF"))).not.toThrow();
  });
});
