import { db } from "@/lib/db/client";
import { readMigrations } from "@/lib/db/migrate";

export const READY_TIMEOUT_MS = 1_000;

export type Readiness = { ready: true } | { ready: false; reason: string };

/**
 * Ready to serve: the database answers within 1 s and every migration of this build is
 * applied. The reason names what is wrong, never a connection string or a password.
 */
export async function checkReadiness(timeoutMs = READY_TIMEOUT_MS): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
  const query = db().$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
    .then((rows) => ({ rows }))
    .catch((error: Error) => ({ error }));
  try {
    const answer = await Promise.race([query, timedOut]);
    if (answer === "timeout") return { ready: false, reason: `The database did not answer within ${timeoutMs} ms.` };
    if ("error" in answer) return { ready: false, reason: describeDbError(answer.error) };
    const applied = new Set(answer.rows.map((r) => r.migration_name));
    const pending = readMigrations()
      .map((m) => m.name)
      .filter((name) => !applied.has(name));
    if (pending.length)
      return { ready: false, reason: `${pending.length} migration(s) not applied: ${pending.join(", ")}.` };
    return { ready: true };
  } finally {
    clearTimeout(timer);
  }
}

function describeDbError(error: Error): string {
  // The network error's code when the message carries one (Prisma wraps it), else the driver's code.
  const code =
    /ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|ECONNRESET|EAI_AGAIN/.exec(error.message)?.[0] ??
    (error as { code?: string }).code;
  if (/_prisma_migrations/.test(error.message) && /does not exist/.test(error.message))
    return "The database has no migrations applied.";
  return `The database is unreachable${code ? ` (${code})` : ""}.`;
}
