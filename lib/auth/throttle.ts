import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * The brake on password guessing: failed sign-ins are counted per account and per address
 * in the database (so it holds across instances), over a sliding window. Past the limit, the
 * next attempt is refused — right password or not — until the oldest counted failure ages
 * out, and the caller is told how long that is.
 */
export const SIGN_IN_WINDOW_MS = 10 * 60_000;
export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 20;

export interface ThrottleKey {
  key: string;
  limit: number;
}

export function throttleKeys(email: string, address: string | null): ThrottleKey[] {
  return [
    { key: `email:${email.trim().toLowerCase()}`, limit: ACCOUNT_LIMIT },
    ...(address ? [{ key: `ip:${address}`, limit: ADDRESS_LIMIT }] : []),
  ];
}

/** Past the limit: an AppError (LIMIT_EXCEEDED), so every door answers it as a refusal with its wait. */
export class SignInThrottledError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("LIMIT_EXCEEDED", `Too many failed sign-in attempts. Try again in ${retryAfterSeconds} s.`);
    this.name = "SignInThrottledError";
  }
}

/**
 * The brake around any door that takes a secret (a password, a setup code, a link's token):
 * refused while the keys are over their limit; a null answer from `attempt` counts as a failure.
 */
export async function braked<T>(keys: ThrottleKey[], now: Date, attempt: () => Promise<T | null>): Promise<T | null> {
  const wait = await secondsUntilAllowed(keys, now);
  if (wait > 0) throw new SignInThrottledError(wait);
  const result = await attempt();
  if (result === null) await recordFailure(keys, now);
  // Success forgets an account's failures; an address keeps its count.
  else if (keys[0]?.key.startsWith("email:")) await clearAccountFailures(keys);
  return result;
}

/** The keys of a door that takes a link token or a setup code: per address (the token itself is unguessable). */
export function linkKeys(door: "setup" | "invite" | "reset", address: string | null): ThrottleKey[] {
  return [{ key: `${door}:ip:${address ?? "unknown"}`, limit: ADDRESS_LIMIT }];
}

/** Seconds to wait before another attempt is allowed (0: go ahead). */
export async function secondsUntilAllowed(keys: ThrottleKey[], now: Date): Promise<number> {
  let wait = 0;
  for (const { key, limit } of keys) {
    const recent = await db().signInFailure.findMany({
      where: { key, createdAt: { gt: new Date(now.getTime() - SIGN_IN_WINDOW_MS) } },
      orderBy: { createdAt: "desc" },
      take: limit,
      select: { createdAt: true },
    });
    if (recent.length < limit) continue;
    wait = Math.max(
      wait,
      Math.ceil((recent[limit - 1]!.createdAt.getTime() + SIGN_IN_WINDOW_MS - now.getTime()) / 1000),
    );
  }
  return wait;
}

export async function recordFailure(keys: ThrottleKey[], now: Date): Promise<void> {
  await db().signInFailure.createMany({ data: keys.map(({ key }) => ({ key, createdAt: now })) });
  // Housekeeping: failures older than the window count for nothing.
  await db().signInFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - SIGN_IN_WINDOW_MS) } } });
}

/** A successful sign-in forgets the account's failures (the address keeps its count). */
export async function clearAccountFailures(keys: ThrottleKey[]): Promise<void> {
  await db().signInFailure.deleteMany({ where: { key: keys[0]!.key } });
}
