import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { minuteClock } from "./minute-clock";

beforeEach(() => vi.useFakeTimers({ now: new Date("2026-12-07T10:00:30Z") }));
afterEach(() => vi.useRealTimers());

describe("minuteClock (every countdown's one timer)", () => {
  it("keeps one timer for all its listeners, wakes them when the minute turns, and stops with the last", () => {
    const a = vi.fn();
    const b = vi.fn();
    const offA = minuteClock.subscribe(a);
    const offB = minuteClock.subscribe(b);
    expect(vi.getTimerCount()).toBe(1);
    const before = minuteClock.snapshot();

    vi.advanceTimersByTime(29_000); // 10:00:59: the same minute
    expect(a).not.toHaveBeenCalled();
    expect(minuteClock.snapshot()).toBe(before);
    vi.advanceTimersByTime(1_000); // 10:01:00
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
    expect(minuteClock.snapshot()).toBe(before + 1);
    vi.advanceTimersByTime(60_000);
    expect(a).toHaveBeenCalledTimes(2);

    offA();
    expect(vi.getTimerCount()).toBe(1);
    offB();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(120_000);
    expect(b).toHaveBeenCalledTimes(2);
  });
});
