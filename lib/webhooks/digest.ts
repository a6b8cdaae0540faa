import { db } from "@/lib/db/client";
import { trashedRecords } from "@/lib/records/live";
import { retentionFor } from "@/lib/purge/retention";
import { EXPIRING_SOON_HOURS } from "@/lib/trash/expiring";

/** The most records one digest lists; `count` still says how many there are. */
export const DIGEST_LIMIT = 1_000;

export interface PurgeDigest {
  type: "trash.purge_digest";
  deliveryId: string;
  workspace: { id: string; name: string };
  generatedAt: string;
  /** Everything whose purge falls before `until` (held records are not purged, so not listed). */
  until: string;
  count: number;
  truncated: boolean;
  records: {
    id: string;
    recordNumber: string;
    name: string;
    entity: string;
    deletedAt: string;
    deletedBy: { name: string; email: string } | null;
    purgeAt: string;
  }[];
}

/**
 * What the purge job will take from a workspace within the next 24 hours, soonest first: the
 * same rule as the purge (deletedAt + retention, not held) applied to now + 24 h.
 */
export async function buildDigest(workspaceId: string, deliveryId: string, now: Date): Promise<PurgeDigest> {
  const [workspace, retention] = await Promise.all([
    db().workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { id: true, name: true } }),
    retentionFor(workspaceId),
  ]);
  const until = new Date(now.getTime() + EXPIRING_SOON_HOURS * 3_600_000);
  const where = trashedRecords(workspaceId, {
    deletedAt: { lte: retention.cutoff(until) },
    heldAt: null,
  });
  const [count, rows] = await Promise.all([
    db().record.count({ where }),
    db().record.findMany({
      where,
      orderBy: [{ deletedAt: "asc" }, { id: "asc" }],
      take: DIGEST_LIMIT,
      select: {
        id: true,
        recordNumber: true,
        name: true,
        deletedAt: true,
        entity: { select: { slug: true } },
        deletedBy: { select: { name: true, email: true } },
      },
    }),
  ]);
  return {
    type: "trash.purge_digest",
    deliveryId,
    workspace: { id: workspace.id, name: workspace.name },
    generatedAt: now.toISOString(),
    until: until.toISOString(),
    count,
    truncated: count > rows.length,
    records: rows.map((r) => ({
      id: r.id,
      recordNumber: r.recordNumber.toString(),
      name: r.name,
      entity: r.entity.slug,
      deletedAt: r.deletedAt!.toISOString(),
      deletedBy: r.deletedBy,
      purgeAt: retention.purgeAt(r.deletedAt!).toISOString(),
    })),
  };
}
