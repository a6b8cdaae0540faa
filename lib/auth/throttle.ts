import { db } from "@/lib/db/client";

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

export class SignInThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed sign-in attempts. Try again in ${retryAfterSeconds} s.`);
    this.name = "SignInThrottledError";
  }
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
