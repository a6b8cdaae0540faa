import { useSyncExternalStore } from "react";

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

/** The current minute, as minutes since the epoch: the same value until the minute turns. */
const currentMinute = () => Math.floor(Date.now() / 60_000);

/** Wakes the listeners at each turn of the minute, while there are any. */
function tick() {
  timer = setTimeout(
    () => {
      for (const listener of listeners) listener();
      tick();
    },
    60_000 - (Date.now() % 60_000),
  );
}

/**
 * One clock for every countdown on the page. A full trash page had two countdowns a row, each
 * with its own one-minute interval: a hundred timers, firing out of step. Exported for its test.
 */
export const minuteClock = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    if (!timer) tick();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && timer) {
        clearTimeout(timer);
        timer = undefined;
      }
    };
  },
  snapshot: currentMinute,
};

/**
 * The current time; a component using it renders again each time the minute turns. The time is
 * read when rendering, not rounded to the minute: a countdown rounds its days up, and a minute's
 * rounding would have made a fresh deletion's "14 days left" read 15.
 */
export function useMinuteClock(): Date {
  useSyncExternalStore(minuteClock.subscribe, minuteClock.snapshot, minuteClock.snapshot);
  return new Date();
}
