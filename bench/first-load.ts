// The records page's first-load JavaScript as e2e/perf.spec.ts measures it in Chromium (bytes
// on the wire of every script the page loads), kept where `npm run bench` prints it from.
export const FIRST_LOAD_FILE = "bench/results/first-load-js.json";

export interface FirstLoadJs {
  kib: number;
  bytes: number;
  requests: number;
  at: string;
  /** Each script's path and bytes, to see where the budget goes. */
  scripts: { path: string; bytes: number }[];
}
