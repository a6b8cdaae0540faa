"use client";

import { useTrashCount } from "@/components/queries/reads";

/** The number of records in the caller's trash view, kept in step by every record mutation. */
export function TrashCountBadge({ initial }: { initial: number }) {
  const { data } = useTrashCount(initial);
  if (!data) return null;
  return (
    <span
      data-testid="trash-count"
      aria-label={`${data} in the trash`}
      className="rounded-full bg-zinc-100 px-1.5 py-0.5 text-[11px] font-semibold tabular-nums text-zinc-600"
    >
      {data > 999 ? "999+" : data}
    </span>
  );
}
