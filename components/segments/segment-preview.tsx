"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Loader2, Users } from "lucide-react";
import { useEffect, useState } from "react";
import { fetchJson } from "@/components/queries/fetch-json";
import type { SegmentFilter } from "@/lib/segments/filter";
import type { SegmentPreview as Preview } from "@/lib/segments/preview";

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Live count of the records a filter matches now: what the new segment starts with. */
export function SegmentPreview({
  entity,
  entityName,
  filter,
}: {
  entity: string;
  entityName: string;
  filter: SegmentFilter;
}) {
  const key = useDebounced(JSON.stringify(filter), 300);
  const { data, isFetching, error } = useQuery({
    queryKey: ["segment-preview", entity, key],
    queryFn: () => fetchJson<Preview>(`/api/app/segments/preview?${new URLSearchParams({ entity, filter: key })}`),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
  const noun = entityName.toLowerCase();
  return (
    <div
      className="flex items-start gap-3 rounded-lg border border-zinc-200 bg-zinc-50 px-4 py-3 text-sm"
      aria-live="polite"
    >
      <span className="mt-0.5 text-zinc-400">
        {isFetching ? (
          <Loader2 className="size-4 animate-spin" aria-hidden />
        ) : (
          <Users className="size-4" aria-hidden />
        )}
      </span>
      <div className="min-w-0">
        {error ? (
          <p className="text-zinc-600">{error.message}</p>
        ) : data ? (
          <>
            <p className="text-zinc-900">
              <span className="font-semibold tabular-nums" data-testid="segment-preview-count">
                {data.count.toLocaleString("en-US")}
              </span>{" "}
              live {data.count === 1 ? noun.replace(/s$/, "") : noun} match{data.count === 1 ? "es" : ""}
              {filter.conditions.length === 0 && !filter.q ? " (no condition yet)" : ""}.
            </p>
            {data.sample.length > 0 && (
              <p className="truncate text-xs text-zinc-500">e.g. {data.sample.map((r) => r.name).join(", ")}</p>
            )}
          </>
        ) : (
          <p className="text-zinc-500">Counting…</p>
        )}
      </div>
    </div>
  );
}
