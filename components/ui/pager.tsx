import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "./button";

/** The URL of the page before or after, keeping every other parameter of the view. */
export function pageHref(
  pathname: string,
  params: Record<string, string | undefined>,
  cursor: string | null,
  dir: "prev" | "next",
): string | null {
  if (!cursor) return null;
  const next = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
  next.set("cursor", cursor);
  next.set("dir", dir);
  return `${pathname}?${next}`;
}

function PageLink({ href, dir, label }: { href: string | null; dir: "prev" | "next"; label: string }) {
  const body =
    dir === "prev" ? (
      <>
        <ChevronLeft className="size-4" aria-hidden /> {label}
      </>
    ) : (
      <>
        {label} <ChevronRight className="size-4" aria-hidden />
      </>
    );
  if (!href)
    return (
      <span className={buttonClass("secondary", "sm", "pointer-events-none opacity-40")} aria-disabled>
        {body}
      </span>
    );
  return (
    <Link
      href={href}
      prefetch={false}
      className={buttonClass("secondary", "sm")}
      aria-label={dir === "prev" ? "Previous page" : "Next page"}
    >
      {body}
    </Link>
  );
}

/** The footer of every paged table: what is shown on the left, Previous and Next on the right. */
export function Pager({
  summary,
  prevHref,
  nextHref,
  labels = ["Previous", "Next"],
  testId,
}: {
  summary: ReactNode;
  prevHref: string | null;
  nextHref: string | null;
  labels?: [string, string];
  testId?: string;
}) {
  return (
    <div className="flex items-center justify-between gap-3 border-t border-zinc-200 bg-zinc-50/50 px-4 py-2.5">
      <p className="text-xs text-zinc-500" data-testid={testId}>
        {summary}
      </p>
      <div className="flex gap-2">
        <PageLink href={prevHref} dir="prev" label={labels[0]} />
        <PageLink href={nextHref} dir="next" label={labels[1]} />
      </div>
    </div>
  );
}
