import type { PostOutcome } from "./post";

/** One try at delivering a digest, as the delivery log shows it. */
export interface DeliveryAttempt {
  at: string;
  durationMs: number;
  statusCode?: number;
  error?: string;
}

/** Waits between tries: the second try after 2 s, the third after 10 s more. Three tries in all. */
export const RETRY_DELAYS_MS = [2_000, 10_000];

/** A 2xx is delivered; a 5xx or no answer (network error, timeout) is worth another try; anything else (4xx, a redirect) is final. */
export function isDelivered(outcome: PostOutcome): boolean {
  return "statusCode" in outcome && outcome.statusCode >= 200 && outcome.statusCode < 300;
}

export function shouldRetry(outcome: PostOutcome): boolean {
  return "statusCode" in outcome ? outcome.statusCode >= 500 : outcome.retryable;
}

export interface RetryOptions {
  delaysMs?: number[];
  sleep?: (ms: number) => Promise<void>;
  clock?: () => Date;
  /** Told of each attempt as it ends, so the log shows progress while the next one waits. */
  onAttempt?: (attempts: DeliveryAttempt[]) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Tries `send` until it is delivered, the answer is final, or the tries run out. */
export async function sendWithRetries(
  send: (attempt: number) => Promise<PostOutcome>,
  { delaysMs = RETRY_DELAYS_MS, sleep = wait, clock = () => new Date(), onAttempt }: RetryOptions = {},
): Promise<{ delivered: boolean; attempts: DeliveryAttempt[] }> {
  const attempts: DeliveryAttempt[] = [];
  for (let n = 0; ; n++) {
    const started = clock();
    const t0 = performance.now();
    const outcome = await send(n + 1);
    const durationMs = Math.round(performance.now() - t0);
    attempts.push(
      "statusCode" in outcome
        ? { at: started.toISOString(), durationMs, statusCode: outcome.statusCode }
        : { at: started.toISOString(), durationMs, error: outcome.error },
    );
    await onAttempt?.(attempts);
    if (isDelivered(outcome)) return { delivered: true, attempts };
    if (!shouldRetry(outcome) || n >= delaysMs.length) return { delivered: false, attempts };
    await sleep(delaysMs[n]!);
  }
}
