// The records page's first-load JavaScript as e2e/perf.spec.ts measures it in Chromium: the
// compressed bytes on the wire of every script the page loads (and, apart, with their response
// headers), kept where `npm run bench` prints it from.
export const FIRST_LOAD_FILE = "bench/results/first-load-js.json";

export interface FirstLoadJs {
  /** The scripts' compressed bodies as sent. */
  kib: number;
  bytes: number;
  /** With each response's HTTP headers. */
  withHeadersKib: number;
  requests: number;
  at: string;
  /** Each script's path and bytes, to see where the budget goes. */
  scripts: { path: string; bytes: number }[];
}
