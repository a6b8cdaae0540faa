import { onTestFinished } from "vitest";

/**
 * Runs the rest of the current test in `zone` (as the e2e server runs in Pacific/Auckland): a
 * time read or sent in the process's zone instead of UTC shows up as a shift of hours.
 */
export function inTimeZone(zone: string): void {
  const before = process.env.TZ;
  process.env.TZ = zone;
  onTestFinished(() => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  });
}
