import type { Prisma } from "@/generated/prisma/client";
import { db } from "./client";

export type Tx = Prisma.TransactionClient;

// Work to do once a transaction has committed (metrics: a rolled-back change is never counted).
const afterCommitHooks = new WeakMap<Tx, (() => void)[]>();

/** One transaction for a mutation and its audit entry, so both commit or neither. */
export async function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const hooks: (() => void)[] = [];
  const result = await db().$transaction(
    (tx) => {
      afterCommitHooks.set(tx, hooks);
      return fn(tx);
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  for (const hook of hooks) hook();
  return result;
}

/** Runs `hook` when `tx` commits (never if it rolls back); at once outside a transaction of `transaction()`. */
export function afterCommit(tx: Tx, hook: () => void): void {
  const hooks = afterCommitHooks.get(tx);
  if (hooks) hooks.push(hook);
  else hook();
}
