"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";

/** The number of records in the caller's trash view, kept in step by every record mutation. */
export function TrashCountBadge({ initial }: { initial: number }) {
  const { data } = useQuery({
    queryKey: ["trash-count"],
    queryFn: async () => (await fetchJson<{ count: number }>("/api/app/trash/count")).count,
    initialData: initial,
  });
  if (!data) return null;
  return (
    <span data-testid="trash-count" aria-label={`${data} in the trash`} className="rounded-full bg-zinc-100 px-1.5 py-0.5 text-[11px] font-semibold tabular-nums text-zinc-600">
      {data > 999 ? "999+" : data}
    </span>
  );
}
