import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { SqlRunner } from "@/lib/db/sql-runner";
import { signInCookie } from "@/test/server";
import { BENCH_ADMIN } from "./seed";

/** The bench admin signed in on a server of the bench's database, with a password made up for this run: its cookie. */
export async function benchAdminCookie(run: SqlRunner, serverUrl: string): Promise<string> {
  const password = randomBytes(18).toString("base64url");
  await run.rows(`UPDATE "User" SET "passwordHash" = $1 WHERE id = $2`, [
    await hashPassword(password),
    BENCH_ADMIN.userId,
  ]);
  return signInCookie(serverUrl, BENCH_ADMIN.email, password);
}
