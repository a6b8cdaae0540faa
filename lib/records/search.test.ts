import { describe, expect, it } from "vitest";
import { gramOf } from "./search";

// Which run of a term the grams index is asked for. Whether the rows found are exactly those of
// the plain condition is lib/records/list.test.ts's; this is which terms take the index at all.
describe("gramOf", () => {
  it("takes the last six characters of a term long enough", () => {
    expect(gramOf("55501234")).toBe("501234");
    expect(gramOf("hs-00123456")).toBe("123456");
    expect(gramOf("HS-10-ABC")).toBe("10-ABC");
  });

  it("gives none for a term shorter than six characters", () => {
    expect(gramOf("12345")).toBeNull();
    expect(gramOf("")).toBeNull();
  });

  it("never spans a wildcard or an escape, which LIKE does not read as itself", () => {
    expect(gramOf("abcdefg%hi")).toBe("bcdefg");
    expect(gramOf("ab_cdefgh")).toBe("cdefgh");
    expect(gramOf("abcdef\\gh")).toBe("abcdef");
    expect(gramOf("a%b_c\\d%efghi")).toBeNull();
  });

  it("never spans a letter outside ASCII, whose lower case may differ between JavaScript and the database", () => {
    expect(gramOf("Zürich 12345")).toBe(" 12345");
    expect(gramOf("Straße")).toBeNull();
  });
});
