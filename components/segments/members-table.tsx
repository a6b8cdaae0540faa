"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { Users } from "lucide-react";
import Link from "next/link";
import { useMemo } from "react";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager, pageHref } from "@/components/ui/pager";
import { formatTotalOf } from "@/components/ui/total";
import type { SegmentMembersPage } from "@/lib/segments/members";
import { ownerAndCreatedColumns } from "@/components/records/record-columns";
import type { RecordRow } from "@/lib/records/list";

const label = (key: string) => key.replace(/([A-Z])/g, " $1").replace(/^./, (c) => c.toUpperCase());
const show = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v));
const RECORD_COLUMNS: Record<string, (r: RecordRow) => unknown> = {
  phone: (r) => r.phoneNumber,
  externalId: (r) => r.externalId,
  externalProvider: (r) => r.externalProvider,
};
const column = createColumnHelper<RecordRow>();

/** The columns are the fields the segment's filter looks at, so each row shows why it is a member. */
function memberColumns(entitySlug: string, fields: string[]) {
  const shown = [...new Set(fields)].filter((f) => f !== "name");
  return [
    column.accessor("name", {
      header: "Name",
      cell: (info) => (
        <Link
          href={`/records/${entitySlug}/${info.row.original.id}`}
          prefetch={false}
          className="font-medium text-zinc-900 hover:text-brand-700 hover:underline"
        >
          {info.getValue()}
        </Link>
      ),
    }),
    ...shown.map((f) =>
      column.display({
        id: f,
        header: label(f),
        cell: ({ row: { original: r } }) =>
          Object.hasOwn(RECORD_COLUMNS, f) ? (
            <span className="font-mono text-xs">{show(RECORD_COLUMNS[f]!(r))}</span>
          ) : (
            <Badge>{show(r.attributes[f])}</Badge>
          ),
      }),
    ),
    ...ownerAndCreatedColumns(),
  ];
}

/** A segment's live members, paged both ways. */
export function MembersTable({
  segmentId,
  entitySlug,
  page,
  fields,
}: {
  segmentId: string;
  entitySlug: string;
  page: SegmentMembersPage;
  fields: string[];
}) {
  const columns = useMemo(() => memberColumns(entitySlug, fields), [entitySlug, fields]);
  const href = (cursor: string | null, dir: "prev" | "next") => pageHref(`/segments/${segmentId}`, {}, cursor, dir);
  return (
    <>
      {page.items.length === 0 ? (
        <EmptyState icon={Users} title="No members">
          No live record matches this segment’s filter right now.
        </EmptyState>
      ) : (
        <DataTable rows={page.items} columns={columns} testId="members-table" rowIdAttribute="record-id" />
      )}
      <Pager
        testId="members-total"
        summary={`${formatTotalOf(page, "member", "members")} · 50 per page`}
        prevHref={href(page.prevCursor, "prev")}
        nextHref={href(page.nextCursor, "next")}
      />
    </>
  );
}
