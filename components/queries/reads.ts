"use client";

import { useQuery } from "@tanstack/react-query";
import { withShownAttributes } from "@/components/records/columns";
import type { ApiKeyRow } from "@/lib/api-keys/manage";
import type { RecordPage } from "@/lib/records/list";
import type { RecordsQuery } from "@/lib/records/schemas";
import type { SegmentRow } from "@/lib/segments/list";
import type { TrashPage } from "@/lib/trash/list";
import type { TrashQuery } from "@/lib/trash/schemas";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";
import { toSearchParams } from "./search-params";
import { shareRowsById } from "./share-rows";

// Each read starts from what the server component rendered and refetches when mutations invalidate it.

export function useRecordsPage(query: RecordsQuery, initialData: RecordPage) {
  return useQuery({
    queryKey: queryKeys.records.page(query),
    // The rows as the page sent them, with only the attributes the table shows: an unchanged row
    // then equals its first copy and keeps its object (shareRowsById), and is not rendered again.
    queryFn: async () =>
      withShownAttributes(await fetchJson<RecordPage>(`/api/app/records?${toSearchParams(query)}`), query.entity ?? ""),
    initialData,
    structuralSharing: shareRowsById,
  });
}

export function useTrashPage(query: TrashQuery, initialData: TrashPage) {
  return useQuery({
    queryKey: queryKeys.trash.page(query),
    queryFn: () => fetchJson<TrashPage>(`/api/app/trash?${toSearchParams(query)}`),
    initialData,
    structuralSharing: shareRowsById,
  });
}

export function useSegments(initialData: SegmentRow[]) {
  return useQuery({
    queryKey: queryKeys.segments,
    queryFn: () => fetchJson<SegmentRow[]>("/api/app/segments"),
    initialData,
  });
}

export function useApiKeys(initialData: ApiKeyRow[]) {
  return useQuery({
    queryKey: queryKeys.apiKeys,
    queryFn: () => fetchJson<ApiKeyRow[]>("/api/app/api-keys"),
    initialData,
  });
}

/** The number of records in the caller's trash view: the navigation badge and Empty trash share it. */
export function useTrashCount(initialData: number) {
  return useQuery({
    queryKey: queryKeys.trashCount,
    queryFn: async () => (await fetchJson<{ count: number }>("/api/app/trash/count")).count,
    initialData,
  });
}

/** How many of the caller's deletions will be purged within 24 hours: the purge notice. */
export function useExpiringSoon(initialData: number) {
  return useQuery({
    queryKey: queryKeys.trashExpiring,
    queryFn: async () => (await fetchJson<{ count: number }>("/api/app/trash/expiring")).count,
    initialData,
  });
}
