import { format } from "date-fns";
import { ChevronLeft, ChevronRight, Users } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { th, theadClass } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { SegmentMemberRow, SegmentMembersPage } from "@/lib/segments/members";

const label = (key: string) => key.replace(/([A-Z])/g, " $1").replace(/^./, (c) => c.toUpperCase());
const show = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v));
const COLUMNS: Record<string, (r: SegmentMemberRow) => unknown> = { phone: (r) => r.phoneNumber, externalId: (r) => r.externalId, externalProvider: (r) => r.externalProvider };
const valueOf = (r: SegmentMemberRow, field: string) => (COLUMNS[field] ? COLUMNS[field](r) : r.attributes[field]);

function PageLink({ href, dir }: { href: string | null; dir: "prev" | "next" }) {
  const body = dir === "prev" ? <><ChevronLeft className="size-4" aria-hidden /> Previous</> : <>Next <ChevronRight className="size-4" aria-hidden /></>;
  if (!href) return <span className={buttonClass("secondary", "sm", "pointer-events-none opacity-40")} aria-disabled>{body}</span>;
  return <Link href={href} className={buttonClass("secondary", "sm")} aria-label={dir === "prev" ? "Previous page" : "Next page"}>{body}</Link>;
}

/** A segment's live members; the columns are the fields its filter looks at, so each row shows why. */
export function MembersTable({ segmentId, entitySlug, page, fields }: { segmentId: string; entitySlug: string; page: SegmentMembersPage; fields: string[] }) {
  const attributeFields = [...new Set(fields)].filter((f) => f !== "name");
  const href = (cursor: string | null, dir: "prev" | "next") => (cursor ? `/segments/${segmentId}?${new URLSearchParams({ cursor, dir })}` : null);
  return (
    <>
      {page.items.length === 0 ? (
        <EmptyState icon={Users} title="No members">No live record matches this segment’s filter right now.</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="members-table">
            <thead className={theadClass}>
              <tr>
                <th className={th}>Name</th>
                {attributeFields.map((f) => <th key={f} className={th}>{label(f)}</th>)}
                <th className={th}>Owner</th><th className={th}>Created</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {page.items.map((r) => (
                <tr key={r.id} className="hover:bg-zinc-50/60">
                  <td className="px-4 py-2.5">
                    <Link href={`/records/${entitySlug}/${r.id}`} className="font-medium text-zinc-900 hover:text-brand-700 hover:underline">{r.name}</Link>
                  </td>
                  {attributeFields.map((f) => (
                    <td key={f} className="px-4 py-2.5 text-zinc-700">
                      {COLUMNS[f] ? <span className="font-mono text-xs">{show(valueOf(r, f))}</span> : <Badge>{show(valueOf(r, f))}</Badge>}
                    </td>
                  ))}
                  <td className="px-4 py-2.5 text-zinc-700">{r.ownerName ?? "—"}</td>
                  <td className="px-4 py-2.5 whitespace-nowrap text-zinc-500">{format(new Date(r.createdAt), "MMM d, yyyy")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="flex items-center justify-between border-t border-zinc-200 bg-zinc-50/50 px-4 py-2.5">
        <p className="text-xs text-zinc-500" data-testid="members-total">
          {page.totalCount.toLocaleString("en-US")} {page.totalCount === 1 ? "member" : "members"} · 50 per page
        </p>
        <div className="flex gap-2">
          <PageLink href={href(page.prevCursor, "prev")} dir="prev" />
          <PageLink href={href(page.nextCursor, "next")} dir="next" />
        </div>
      </div>
    </>
  );
}
