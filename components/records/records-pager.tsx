import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { RecordPage } from "@/lib/records/list";

function pageHref(entity: string, q: string | undefined, cursor: string, dir: "next" | "prev") {
  const params = new URLSearchParams({ ...(q ? { q } : {}), cursor, dir });
  return `/records/${entity}?${params}`;
}

export function RecordsPager({ entitySlug, query, page }: { entitySlug: string; query: { q?: string }; page: RecordPage }) {
  const disabled = buttonClass("secondary", "sm", "pointer-events-none opacity-40");
  return (
    <div className="flex items-center justify-between border-t border-zinc-200 bg-zinc-50/50 px-4 py-2.5">
      <p className="text-xs text-zinc-500" data-testid="records-total">
        {page.totalCount.toLocaleString("en-US")} {page.totalCount === 1 ? "record" : "records"}{query.q ? <> matching “{query.q}”</> : null} · 50 per page
      </p>
      <div className="flex gap-2">
        {page.prevCursor ? (
          <Link href={pageHref(entitySlug, query.q, page.prevCursor, "prev")} className={buttonClass("secondary", "sm")} aria-label="Previous page">
            <ChevronLeft className="size-4" aria-hidden /> Previous
          </Link>
        ) : (
          <span className={disabled} aria-disabled><ChevronLeft className="size-4" aria-hidden /> Previous</span>
        )}
        {page.nextCursor ? (
          <Link href={pageHref(entitySlug, query.q, page.nextCursor, "next")} className={buttonClass("secondary", "sm")} aria-label="Next page">
            Next <ChevronRight className="size-4" aria-hidden />
          </Link>
        ) : (
          <span className={disabled} aria-disabled>Next <ChevronRight className="size-4" aria-hidden /></span>
        )}
      </div>
    </div>
  );
}
