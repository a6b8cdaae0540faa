import crypto from "node:crypto";
import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { sqlTime } from "@/lib/db/sql-time";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/ops/logger";

// A streaming export reads every row of a view (four parallel 150k-row exports took 80 s of
// CPU), so each workspace runs one at a time, across every instance on the database: a lease
// row (ExportLease) taken atomically, renewed while the export streams and deleted when it
// ends. One more is refused at once with a clear answer instead of queueing. The lease of an
// instance that died mid-export lapses after LEASE_MS.
export const EXPORT_RUNNING_MESSAGE = "An export of this workspace is already running. Try again when it has finished.";
export const LEASE_MS = 2 * 60_000;
const RENEW_MS = 30_000;

/**
 * Takes the workspace's export lease, or refuses with CONFLICT (409); call the result when the
 * export ends (it resolves once the lease is freed; twice is once). `now` is the caller's clock
 * (the lease's expiry is judged by it).
 */
export async function acquireExportSlot(
  actor: Pick<Actor, "workspaceId">,
  now = new Date(),
): Promise<() => Promise<void>> {
  const holder = crypto.randomUUID();
  const until = (at: Date) => new Date(at.getTime() + LEASE_MS);
  // Insert, or take over a lapsed lease; a live one makes the update match nothing.
  const taken = await db().$queryRaw<{ holder: string }[]>`
    INSERT INTO "ExportLease" ("workspaceId", holder, "expiresAt") VALUES (${actor.workspaceId}, ${holder}, ${sqlTime(until(now))})
    ON CONFLICT ("workspaceId") DO UPDATE SET holder = EXCLUDED.holder, "expiresAt" = EXCLUDED."expiresAt"
    WHERE "ExportLease"."expiresAt" <= ${sqlTime(now)}
    RETURNING holder`;
  if (taken[0]?.holder !== holder) throw new AppError("CONFLICT", EXPORT_RUNNING_MESSAGE);

  const mine = { workspaceId: actor.workspaceId, holder };
  const renew = setInterval(() => {
    db()
      .exportLease.updateMany({ where: mine, data: { expiresAt: until(new Date()) } })
      .catch((err: unknown) => log("export").warn({ err }, "export lease not renewed"));
  }, RENEW_MS);
  renew.unref();
  let freed: Promise<void> | null = null;
  return () => {
    if (!freed) {
      clearInterval(renew);
      freed = db()
        .exportLease.deleteMany({ where: mine })
        .then(
          () => undefined,
          (err: unknown) => log("export").warn({ err }, "export lease not freed; it lapses on its own"),
        );
    }
    return freed;
  };
}
