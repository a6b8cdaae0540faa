import type { RecordsQuery } from "@/lib/records/schemas";
import type { TrashQuery } from "@/lib/trash/schemas";

/** Every React Query key of the dashboard, in one place. */
export const queryKeys = {
  records: { all: ["records"] as const, page: (q: RecordsQuery) => ["records", q] as const },
  trash: { all: ["trash"] as const, page: (q: TrashQuery) => ["trash", q] as const },
  trashCount: ["trash-count"] as const,
  trashExpiring: ["trash-expiring"] as const,
  segments: ["segments"] as const,
  apiKeys: ["api-keys"] as const,
  importJob: (id: string) => ["import", id] as const,
  importPreview: (id: string, mapping: Record<string, string>) => ["import-preview", id, mapping] as const,
};

/** The views any record mutation can change (lists, trash, the badge): refreshed together. */
export const RECORD_VIEWS = [queryKeys.records.all, queryKeys.trash.all, queryKeys.trashCount, queryKeys.trashExpiring];
