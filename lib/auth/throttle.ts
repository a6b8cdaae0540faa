import { writeAudit } from "@/lib/audit/write";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/tx";
import { AppError } from "@/lib/errors";

/**
 * The brake on password guessing, counted in the database (so it holds across instances).
 * Three counts, chosen so that guessing stays infeasible without handing anyone a switch that
 * locks others out (README, "Security rules"):
 * - per account AND address: 5 failures in 10 minutes stop that address trying that account
 *   (the owner elsewhere is not affected);
 * - per address: 20 failures in 10 minutes, any accounts (one address spraying many);
 * - per account, any address: the first 10 failures in an hour are free, then each further
 *   attempt waits 2, 4, 8 … s after the last failure, at most 5 minutes — a delay, never a
 *   lock, so a botnet gets about 12 guesses an hour and the owner waits minutes at worst.
 * Reaching the per-pair limit or the account-wide delay is written to the audit log of the
 * account's workspaces, so the person (and their admins) can see someone is guessing.
 */
export const SIGN_IN_WINDOW_MS = 10 * 60_000;
export const PAIR_LIMIT = 5;
export const ADDRESS_LIMIT = 20;
export const ACCOUNT_WINDOW_MS = 60 * 60_000;
export const ACCOUNT_FREE_FAILURES = 10;
export const ACCOUNT_MAX_DELAY_S = 300;

/** The counts one attempt touches; a null key is not counted (a link door has no account). */
export interface ThrottleKeys {
  email: string | null;
  address: string | null;
  pair: string | null;
  ip: string | null;
  account: string | null;
}

export function throttleKeys(email: string, address: string | null): ThrottleKeys {
  const normalized = email.trim().toLowerCase();
  return {
    email: normalized,
    address,
    pair: `pair:${normalized}|${address ?? "unknown"}`,
    ip: address ? `ip:${address}` : null,
    account: `email:${normalized}`,
  };
}

/** The account-wide delay after `failures` failures within the hour, in seconds. */
export function accountDelaySeconds(failures: number): number {
  return failures < ACCOUNT_FREE_FAILURES
    ? 0
    : Math.min(2 ** (failures - ACCOUNT_FREE_FAILURES + 1), ACCOUNT_MAX_DELAY_S);
}

/** Past the limit: an AppError (LIMIT_EXCEEDED), so every door answers it as a refusal with its wait. */
export class SignInThrottledError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("LIMIT_EXCEEDED", `Too many failed sign-in attempts. Try again in ${retryAfterSeconds} s.`);
    this.name = "SignInThrottledError";
  }
}

/** The keys of a door that takes a link token or a setup code: per address (the token itself is unguessable). */
export function linkKeys(door: "setup" | "invite" | "reset", address: string | null): ThrottleKeys {
  return { email: null, address, pair: null, ip: `${door}:ip:${address ?? "unknown"}`, account: null };
}

/**
 * The brake around any door that takes a secret (a password, a setup code, a link's token):
 * refused while the keys are over their limit; a null answer from `attempt` counts as a failure.
 */
export async function braked<T>(keys: ThrottleKeys, now: Date, attempt: () => Promise<T | null>): Promise<T | null> {
  const wait = await secondsUntilAllowed(keys, now);
  if (wait > 0) throw new SignInThrottledError(wait);
  const result = await attempt();
  if (result === null) await recordFailure(keys, now);
  // Success forgets an account's failures; an address keeps its count.
  else if (keys.account) await clearAccountFailures(keys);
  return result;
}

/** The newest `take` failures of a key within `windowMs` before now. */
const recent = (key: string, now: Date, windowMs: number, take: number) =>
  db().signInFailure.findMany({
    where: { key, createdAt: { gt: new Date(now.getTime() - windowMs) } },
    orderBy: { createdAt: "desc" },
    take,
    select: { createdAt: true },
  });

const secondsUntil = (time: number, now: Date) => Math.max(0, Math.ceil((time - now.getTime()) / 1000));

/** Seconds to wait before another attempt is allowed (0: go ahead). */
export async function secondsUntilAllowed(keys: ThrottleKeys, now: Date): Promise<number> {
  let wait = 0;
  for (const [key, limit] of [
    [keys.pair, PAIR_LIMIT],
    [keys.ip, ADDRESS_LIMIT],
  ] as const) {
    if (!key) continue;
    const failures = await recent(key, now, SIGN_IN_WINDOW_MS, limit);
    if (failures.length >= limit)
      wait = Math.max(wait, secondsUntil(failures[limit - 1]!.createdAt.getTime() + SIGN_IN_WINDOW_MS, now));
  }
  if (!keys.account) return wait;
  const account = await recent(keys.account, now, ACCOUNT_WINDOW_MS, ACCOUNT_FREE_FAILURES + 16);
  const delay = accountDelaySeconds(account.length);
  if (delay > 0) wait = Math.max(wait, secondsUntil(account[0]!.createdAt.getTime() + delay * 1000, now));
  return wait;
}

/** Counts a failure; when it makes a brake take hold, the account's workspaces hear of it. */
export async function recordFailure(keys: ThrottleKeys, now: Date): Promise<void> {
  const counted = [keys.pair, keys.ip, keys.account].filter((k): k is string => k !== null);
  await db().signInFailure.createMany({ data: counted.map((key) => ({ key, createdAt: now })) });
  // Housekeeping: failures older than the longest window count for nothing.
  await db().signInFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - ACCOUNT_WINDOW_MS) } } });
  if (!keys.pair || !keys.account) return;
  const pair = (await recent(keys.pair, now, SIGN_IN_WINDOW_MS, PAIR_LIMIT + 1)).length;
  const account = (await recent(keys.account, now, ACCOUNT_WINDOW_MS, ACCOUNT_FREE_FAILURES + 1)).length;
  if (pair === PAIR_LIMIT) await auditBrake(keys, "address", pair);
  if (account === ACCOUNT_FREE_FAILURES) await auditBrake(keys, "account", account);
}

/** "Someone is guessing your password": an entry in each workspace of the account (none for an unknown email). */
async function auditBrake(keys: ThrottleKeys, brake: "address" | "account", failures: number): Promise<void> {
  if (!keys.email) return;
  const user = await db().user.findUnique({
    where: { email: keys.email },
    select: { id: true, memberships: { select: { workspaceId: true } } },
  });
  if (!user) return;
  await transaction(async (tx) => {
    for (const { workspaceId } of user.memberships)
      await writeAudit(
        tx,
        { userId: user.id, workspaceId, door: "UI" },
        {
          action: "auth.sign_in_brake",
          targetIds: [user.id],
          details: {
            brake,
            failures,
            address: keys.address,
            message:
              brake === "address"
                ? `${failures} wrong passwords for this account from ${keys.address ?? "one address"} in 10 minutes: that address must wait.`
                : `${failures} wrong passwords for this account within an hour, from any address: each further attempt is delayed.`,
          },
        },
      );
  });
}

/** A successful sign-in forgets the account's failures (the address keeps its count). */
export async function clearAccountFailures(keys: ThrottleKeys): Promise<void> {
  const counted = [keys.pair, keys.account].filter((k): k is string => k !== null);
  await db().signInFailure.deleteMany({ where: { key: { in: counted } } });
}
