import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PurgeSummary } from "./purge";
import { startPurgeScheduler } from "./scheduler";

const summary = (purged = 0): PurgeSummary => ({
  purged,
  dryRun: false,
  asOf: "",
  batches: 0,
  interrupted: false,
  workspaces: [],
  belongings: { notes: 0, activities: 0, subformRows: 0, relations: 0 },
});

describe("the purge scheduler inside the server", () => {
  let stop: (() => void) | null = null;
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    stop?.();
    stop = null;
    vi.useRealTimers();
  });

  it("runs a minute after start, then every PURGE_INTERVAL_MINUTES", async () => {
    const run = vi.fn(async () => summary());
    stop = startPurgeScheduler({ env: { PURGE_INTERVAL_MINUTES: "5" }, run });
    await vi.advanceTimersByTimeAsync(59_000);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(run).toHaveBeenCalledTimes(4);
  });

  it("with an interval under a minute, the first run comes after one interval", async () => {
    const run = vi.fn(async () => summary());
    stop = startPurgeScheduler({ env: { PURGE_INTERVAL_MINUTES: "0.1" }, run });
    await vi.advanceTimersByTimeAsync(5_900);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("never overlaps a run still going, and survives a failing run", async () => {
    let release: () => void = () => undefined;
    const run = vi
      .fn()
      .mockImplementationOnce(
        () =>
          new Promise<PurgeSummary>((resolve) => {
            release = () => resolve(summary(3));
          }),
      )
      .mockRejectedValueOnce(new Error("database away"))
      .mockResolvedValue(summary());
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    stop = startPurgeScheduler({ env: { PURGE_INTERVAL_MINUTES: "1" }, run });
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    expect(run).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(4);
  });

  it("is off with PURGE_INTERVAL_MINUTES=0 or a value that is not a number, and starts once per process", async () => {
    const run = vi.fn(async () => summary());
    expect(startPurgeScheduler({ env: { PURGE_INTERVAL_MINUTES: "0" }, run })).toBeNull();
    expect(startPurgeScheduler({ env: { PURGE_INTERVAL_MINUTES: "soon" }, run })).toBeNull();
    stop = startPurgeScheduler({ env: {}, run });
    expect(stop).not.toBeNull();
    expect(startPurgeScheduler({ env: {}, run })).toBeNull();
    await vi.advanceTimersByTimeAsync(61 * 60_000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("#11 runs the maintenance steps (expired selections) after each purge, even when the purge failed", async () => {
    const run = vi.fn().mockRejectedValueOnce(new Error("database away")).mockResolvedValue(summary());
    const step = vi.fn(async () => 3);
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    stop = startPurgeScheduler({ env: { PURGE_INTERVAL_MINUTES: "5" }, run, maintenance: [step] });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(step).toHaveBeenCalledTimes(1);
    expect(step.mock.calls[0]).toEqual([expect.any(Date)]);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(step).toHaveBeenCalledTimes(2);
  });
});
