import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackPath, safeRedirect } from "./callback-url";

// What the login page, next-auth's redirect callback and the login form follow after sign-in.
const HOSTILE = [
  "/\\evil.example",
  "/%5Cevil.example",
  "/%5cevil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "/\n/evil.example",
  "//evil.example",
  "//evil.example/records",
  "/%2F/evil.example",
  "/%2fevil.example/..",
  "https://evil.example",
  "javascript:alert(1)",
  "http:/evil.example",
  " /records",
  "\\\\evil.example",
  "/\u0000/evil.example",
  "/\u3000/evil.example",
  "",
  "records",
  "/" + "a".repeat(2100),
];

describe("#1 only same-origin paths are followed after sign-in", () => {
  it.each(HOSTILE)("#1 refuses %j and goes to the records page", (url) => {
    expect(safeCallbackPath(url)).toBe(DEFAULT_AFTER_SIGN_IN);
    // Whatever comes out always resolves to this origin.
    expect(new URL(safeCallbackPath(url), "https://app.example").origin).toBe("https://app.example");
  });

  it("#1 keeps an ordinary path with its query and hash", () => {
    expect(safeCallbackPath("/records/leads?q=acme&cursor=x#top")).toBe("/records/leads?q=acme&cursor=x#top");
    expect(safeCallbackPath("/trash")).toBe("/trash");
    expect(safeCallbackPath(undefined)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("#1 next-auth's redirect callback keeps same-origin URLs and drops every other", () => {
    const base = "https://app.example";
    expect(safeRedirect("/trash", base)).toBe(`${base}/trash`);
    expect(safeRedirect(`${base}/segments?x=1`, base)).toBe(`${base}/segments?x=1`);
    for (const url of [...HOSTILE, "https://evil.example/records", "https://app.example.evil.example/", "not a url"]) {
      expect(new URL(safeRedirect(url, base)).origin).toBe(base);
    }
    expect(safeRedirect("https://evil.example/records", base)).toBe(`${base}${DEFAULT_AFTER_SIGN_IN}`);
  });
});
