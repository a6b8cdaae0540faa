import { describe, expect, it } from "vitest";
import { exactTime, formatTime, validTimeZone } from "./format-time";

const INSTANT = "2026-12-04T15:30:05Z";

describe("formatTime", () => {
  it("renders the same instant in the viewer's zone, not the server's", () => {
    expect(formatTime(INSTANT, "America/New_York", "datetime")).toBe("Dec 4, 2026, 10:30 AM");
    expect(formatTime(INSTANT, "Pacific/Auckland", "datetime")).toBe("Dec 5, 2026, 4:30 AM");
    expect(formatTime(INSTANT, "Pacific/Auckland", "date")).toBe("Dec 5, 2026");
    expect(formatTime(INSTANT, "America/New_York", "seconds")).toBe("Dec 4, 10:30:05");
    expect(formatTime(INSTANT, "America/New_York", "long")).toBe("Friday, December 4, 2026 at 10:30 AM");
  });

  it("puts the exact time and the zone in the hover text", () => {
    expect(exactTime(INSTANT, "America/New_York")).toBe("Fri, Dec 4, 2026, 10:30:05 AM EST (America/New_York)");
    // A zone whose abbreviation is its name is not said twice.
    expect(exactTime(INSTANT, "UTC")).toBe("Fri, Dec 4, 2026, 3:30:05 PM UTC");
  });

  it("keeps one formatter per style and zone: each call still formats in its own", () => {
    // Alternating zones and styles: a formatter kept under too coarse a key would answer in the wrong one.
    for (let round = 0; round < 2; round++) {
      expect(formatTime(INSTANT, "America/New_York", "date")).toBe("Dec 4, 2026");
      expect(formatTime(INSTANT, "Pacific/Auckland", "date")).toBe("Dec 5, 2026");
      expect(formatTime(INSTANT, "Pacific/Auckland", "datetime")).toBe("Dec 5, 2026, 4:30 AM");
      expect(exactTime(INSTANT, "Pacific/Auckland")).toMatch(/^Sat, Dec 5, 2026, 4:30:05\sAM GMT\+13/);
      expect(exactTime(INSTANT, "UTC")).toBe("Fri, Dec 4, 2026, 3:30:05 PM UTC");
    }
    expect(validTimeZone("utc")).toBe("UTC");
    expect(validTimeZone("Not/AZone")).toBeUndefined();
  });

  it("says how long ago without a zone", () => {
    const now = new Date("2026-12-04T18:30:05Z");
    expect(formatTime(INSTANT, "UTC", "relative", now)).toBe("3 hours ago");
    expect(formatTime("2026-11-20T18:30:05Z", "UTC", "relative", now)).toBe("14 days ago");
    expect(formatTime("2026-12-04T18:29:00Z", "UTC", "relative", now)).toBe("1 minute ago");
    expect(formatTime("2026-12-05T20:30:05Z", "UTC", "relative", now)).toBe("in 1 day");
    expect(formatTime("2025-12-04T18:30:05Z", "UTC", "relative", now)).toBe("1 year ago");
    expect(formatTime(now, "UTC", "relative", now)).toBe("just now");
  });
});

describe("validTimeZone", () => {
  it("accepts IANA zones and rejects anything else", () => {
    expect(validTimeZone("America/New_York")).toBe("America/New_York");
    expect(validTimeZone("Mars/Olympus")).toBeUndefined();
    expect(validTimeZone("<script>")).toBeUndefined();
    expect(validTimeZone(undefined)).toBeUndefined();
  });
});
