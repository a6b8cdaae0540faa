import { clsx } from "clsx";
import Link from "next/link";
import type { EntitySummary } from "@/lib/entities";

export function EntityTabs({
  entities,
  active,
  hrefFor = (slug) => `/records/${slug}`,
}: {
  entities: EntitySummary[];
  active: string;
  /** Where each tab leads (the records list by default). */
  hrefFor?: (slug: string) => string;
}) {
  return (
    <div role="tablist" aria-label="Record types" className="mb-5 flex gap-1 border-b border-zinc-200">
      {entities.map((e) => (
        <Link
          key={e.id}
          role="tab"
          aria-selected={e.slug === active}
          href={hrefFor(e.slug)}
          className={clsx(
            "-mb-px border-b-2 px-3 pb-2.5 pt-1 text-sm font-medium transition-colors",
            e.slug === active
              ? "border-brand-600 text-brand-700"
              : "border-transparent text-zinc-500 hover:border-zinc-300 hover:text-zinc-800",
          )}
        >
          {e.name}
        </Link>
      ))}
    </div>
  );
}
