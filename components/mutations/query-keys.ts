import type { QueryClient } from "@tanstack/react-query";

/** The cached views a record mutation touches, refreshed together. */
export const RECORD_VIEWS = [["records"], ["trash"], ["trash-count"]] as const;

export function refreshRecordViews(queryClient: QueryClient) {
  return Promise.all(RECORD_VIEWS.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

interface Paged<T extends { id: string }> {
  items: T[];
  totalCount: number;
}

/** Optimistically drops rows from every cached page under `key`; returns a rollback. */
export function removeRowsOptimistically(queryClient: QueryClient, key: readonly unknown[], ids: Set<string>, trashCountDelta: number) {
  const snapshots = queryClient.getQueriesData<Paged<{ id: string }>>({ queryKey: key });
  const count = queryClient.getQueryData<number>(["trash-count"]);
  queryClient.setQueriesData<Paged<{ id: string }>>({ queryKey: key }, (old) => {
    if (!old) return old;
    const items = old.items.filter((r) => !ids.has(r.id));
    return { ...old, items, totalCount: Math.max(0, old.totalCount - (old.items.length - items.length)) };
  });
  if (count !== undefined) queryClient.setQueryData(["trash-count"], Math.max(0, count + trashCountDelta));
  return () => {
    for (const [k, data] of snapshots) queryClient.setQueryData(k, data);
    if (count !== undefined) queryClient.setQueryData(["trash-count"], count);
  };
}
