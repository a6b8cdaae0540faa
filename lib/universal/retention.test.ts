import { describe, expect, it } from "vitest";
import { isExpired, purgeAt, purgeCutoff, timeLeft } from "./retention";

const deletedAt = new Date("2026-11-01T10:00:00Z");
const at = (ms: number) => new Date(deletedAt.getTime() + ms);
const H = 3_600_000;
const D = 24 * H;

describe("retention: purgeAt = deletedAt + retention days", () => {
  it("computes the purge time from the workspace retention", () => {
    expect(purgeAt(deletedAt, 14).toISOString()).toBe("2026-11-15T10:00:00.000Z");
    expect(purgeAt(deletedAt, 30).toISOString()).toBe("2026-12-01T10:00:00.000Z");
  });

  it("is not expired at 13 days 23 hours, and expired at exactly 14 days and after", () => {
    expect(isExpired(deletedAt, 14, at(13 * D + 23 * H))).toBe(false);
    expect(isExpired(deletedAt, 14, at(14 * D - 1))).toBe(false);
    expect(isExpired(deletedAt, 14, at(14 * D))).toBe(true);
    expect(isExpired(deletedAt, 14, at(14 * D + 1000))).toBe(true);
    expect(purgeCutoff(at(14 * D), 14).getTime()).toBe(deletedAt.getTime());
  });

  it("shows days, then hours in the last day, then minutes in the last hour", () => {
    const purge = purgeAt(deletedAt, 14);
    expect(timeLeft(purge, deletedAt)).toEqual({ label: "14 days left", urgency: "calm" });
    expect(timeLeft(purge, at(1 * H)).label).toBe("14 days left");
    expect(timeLeft(purge, at(1 * D)).label).toBe("13 days left");
    expect(timeLeft(purge, at(11 * D)).urgency).toBe("soon");
    expect(timeLeft(purge, at(13 * D)).label).toBe("1 day left");
    expect(timeLeft(purge, at(13 * D + 19 * H))).toEqual({ label: "5 hours left", urgency: "urgent" });
    expect(timeLeft(purge, at(14 * D - H)).label).toBe("1 hour left");
    expect(timeLeft(purge, at(14 * D - 12 * 60_000)).label).toBe("12 minutes left");
    expect(timeLeft(purge, at(14 * D)).urgency).toBe("expired");
  });
});
