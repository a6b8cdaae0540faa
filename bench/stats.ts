// Timing and row-picking helpers shared by the bench scenarios.

export interface ScenarioResult {
  p50_ms: number;
  p95_ms: number;
  floor_ms?: number;
  ratio?: number;
  per_s?: number;
  rows?: number;
  /** The peak resident memory above the start of the run, in MB. */
  rss_delta_mb?: number;
  heap_delta_mb?: number;
}

export const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
export const round1 = (x: number) => Math.round(x * 10) / 10;
export const stats = (xs: number[]) => ({ p50_ms: round1(percentile(xs, 50)), p95_ms: round1(percentile(xs, 95)) });
export async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
/** `rounds` timed runs after two untimed warm-up runs. */
export async function sample(rounds: number, fn: (round: number) => Promise<number>): Promise<number[]> {
  const xs: number[] = [];
  for (let r = -2; r < rounds; r++) {
    const t = await fn(r);
    if (r >= 0) xs.push(t);
  }
  return xs;
}

/** `count` live leads of the seeded set (see seed.ts), starting at record number `from`, wrapping within `n`. */
export function liveLeads(n: number, from: number, count: number): string[] {
  const ids: string[] = [];
  for (let i = from; ids.length < count; i = (i % n) + 1)
    if (i % 10 < 5 && Math.floor(i / 10) % 20 !== 3) ids.push(`r${i}`);
  return ids;
}
