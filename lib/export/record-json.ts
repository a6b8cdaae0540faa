import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { getRecord, type RecordDetail } from "@/lib/records/get";
import { getTrashedRecord, type TrashedRecordDetail } from "@/lib/trash/preview";

/** A file to download: its name without extension, and what goes in it. */
export interface JsonDownload {
  name: string;
  body: unknown;
}

export interface RecordExport {
  exportedAt: string;
  /** Where the record was when it was exported. */
  state: "live" | "trash";
  record: RecordDetail;
  trash: TrashedRecordDetail["trash"] | null;
}

/**
 * One record with everything that belongs to it (attributes, notes, activities, subform rows,
 * relations), as JSON: a copy to keep before a permanent delete. A live record for whoever may
 * read it; a trashed one for whoever may preview it (a MEMBER: what they deleted), others get
 * not-found, exactly as the record page and the trash preview answer.
 */
export async function exportRecord(actor: Actor, { id }: { id: string }, now: Date): Promise<JsonDownload> {
  const live = await getRecord(actor, { id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  const body: RecordExport = live
    ? { exportedAt: now.toISOString(), state: "live", record: live, trash: null }
    : await getTrashedRecord(actor, { id }, now).then(({ trash, can: _can, ...record }) => ({
        exportedAt: now.toISOString(),
        state: "trash" as const,
        record,
        trash,
      }));
  return { name: `${body.record.entity.slug}-${body.record.recordNumber}-${now.toISOString().slice(0, 10)}`, body };
}
