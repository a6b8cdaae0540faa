import type { Prisma } from "@/generated/prisma/client";
import { db } from "./client";

export type Tx = Prisma.TransactionClient;

/** One transaction for a mutation and its audit entry, so both commit or neither. */
export function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(fn, { timeout: 60_000, maxWait: 30_000 });
}
