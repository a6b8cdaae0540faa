import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { queryKeys } from "@/components/queries/keys";

interface Paged<T extends { id: string }> {
  items: T[];
  totalCount: number;
  totalCountCapped?: boolean;
}

/** Applies `change` to every cached query under `key`; returns what puts them all back. */
export function patchQueries<D>(queryClient: QueryClient, key: QueryKey, change: (old: D) => D) {
  const snapshots = queryClient.getQueriesData<D>({ queryKey: key });
  queryClient.setQueriesData<D>({ queryKey: key }, (old) => (old === undefined ? old : change(old)));
  return () => {
    for (const [k, data] of snapshots) queryClient.setQueryData(k, data);
  };
}

/** Drops rows from every cached page under `key`, and moves the trash badge by `trashCountDelta`. */
export function removeRows(queryClient: QueryClient, key: QueryKey, ids: ReadonlySet<string>, trashCountDelta = 0) {
  const rollbackPages = patchQueries<Paged<{ id: string }>>(queryClient, key, (old) => {
    const items = old.items.filter((r) => !ids.has(r.id));
    // A capped count ("10,000+") stays as it is: there are still more than the cap.
    return {
      ...old,
      items,
      totalCount: old.totalCountCapped
        ? old.totalCount
        : Math.max(0, old.totalCount - (old.items.length - items.length)),
    };
  });
  const rollbackCount = trashCountDelta
    ? patchQueries<number>(queryClient, queryKeys.trashCount, (n) => Math.max(0, n + trashCountDelta))
    : () => undefined;
  return () => {
    rollbackPages();
    rollbackCount();
  };
}
