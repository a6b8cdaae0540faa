import type { SegmentFilter } from "@/lib/segments/filter";

const OPS = { equals: "is", not_equals: "is not", contains: "contains" } as const;

export function FilterSummary({ filter }: { filter: SegmentFilter }) {
  const parts = [
    ...(filter.q ? [`matches “${filter.q}”`] : []),
    ...(filter.conditions ?? []).map((c) => `${c.field} ${OPS[c.op]} “${c.value}”`),
  ];
  return <span className="text-zinc-600">{parts.length ? parts.join(" and ") : "All records"}</span>;
}
