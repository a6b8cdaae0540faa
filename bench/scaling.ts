import { closeDb, installDbHandle } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import type { createTestDbHandle } from "@/test/ephemeral-db";
import { readScenarios, type ScenarioResult } from "./scenarios";
import { seedBench } from "./seed";

// The scaling block (npm run bench -- --records 1000000 --db postgresql --only scaling): the reads a
// person waits on, at 20,000, 200,000 and up to --records records, each size on its own freshly
// seeded database in the same run, so the ratios compare like with like.

type Handle = Awaited<ReturnType<typeof createTestDbHandle>>;

const SIZES = [20_000, 200_000, 1_000_000];

export interface Scaling {
  sizes: number[];
  /** p50 ms of each read at each size. */
  p50_ms: Record<string, Record<string, number>>;
  /** The largest size's p50 over the smallest's (the goal: within 1.5×). */
  ratio: Record<string, number>;
}

/** The sizes the block measures: 20,000 and 200,000, then `largest` when it is more. */
export function scalingSizes(largest: number): number[] {
  return [...new Set([...SIZES.filter((s) => s < largest), largest])].filter((s) => s >= SIZES[0]!);
}

export async function scalingBlock(
  sizes: number[],
  openDatabase: () => Promise<Handle>,
  log: (line: string) => void,
): Promise<Scaling> {
  const byScenario: Record<string, Record<string, number>> = {};
  for (const size of sizes) {
    const handle = await openDatabase();
    try {
      await applyMigrations(handle.runner);
      installDbHandle(handle);
      const started = performance.now();
      await seedBench(handle.runner, size);
      await handle.runner.exec("VACUUM ANALYZE");
      log(`scaling: seeded ${size.toLocaleString("en-US")} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      // The first size also warms the process (its code compiled, its pools open), or it would pay for that alone.
      if (size === sizes[0]) await readScenarios(new Date(), () => undefined, 5);
      const reads: Record<string, ScenarioResult> = await readScenarios(new Date(), (l) => log(`scaling ${size} ${l}`));
      for (const [name, r] of Object.entries(reads)) (byScenario[name] ??= {})[String(size)] = r.p50_ms;
    } finally {
      await closeDb();
    }
  }
  const [smallest, largest] = [String(sizes[0]), String(sizes.at(-1))];
  const ratio = Object.fromEntries(
    Object.entries(byScenario).map(([name, p50]) => [name, Math.round((p50[largest]! / p50[smallest]!) * 100) / 100]),
  );
  return { sizes, p50_ms: byScenario, ratio };
}
