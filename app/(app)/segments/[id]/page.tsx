import type { Metadata } from "next";
import { ArrowLeft, Workflow } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FilterSummary } from "@/components/segments/filter-summary";
import { MembersTable } from "@/components/segments/members-table";
import { SegmentActions } from "@/components/segments/segment-actions";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatTotal } from "@/components/ui/total";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parsePageQuery, parseRouteParams } from "@/lib/doors/page-query";
import { getSegment } from "@/lib/segments/list";
import { segmentMembersSchema, segmentRefSchema } from "@/lib/segments/schemas";
import { listSegmentMembers } from "@/lib/segments/members";
import { LocalTime } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "Segment" };

const STATUS_TONE = { ACTIVE: "green", PAUSED: "amber", DETACHED: "zinc" } as const;

/** Unknown and foreign ids are a plain 404 page, like malformed ones; a bad cursor is just the first page. */
function orNotFound(e: unknown): never {
  if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
  throw e;
}

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ cursor?: string; dir?: string }>;
}

export default async function SegmentPage({ params, searchParams }: Props) {
  const { id } = await params;
  const sp = await searchParams;
  const actor = await requireActor(`/segments/${id}`);
  const { id: segmentId } = parseRouteParams(segmentRefSchema, { id });
  const { input } = parsePageQuery(segmentMembersSchema, { id: segmentId, cursor: sp.cursor, direction: sp.dir });
  const [segment, members] = await Promise.all([
    getSegment(actor, { id: segmentId }).catch(orNotFound),
    listSegmentMembers(actor, input).catch(orNotFound),
  ]);

  return (
    <div className="max-w-6xl">
      <Link
        href="/segments"
        className="mb-4 inline-flex items-center gap-1.5 text-sm text-zinc-500 hover:text-zinc-900"
      >
        <ArrowLeft className="size-4" aria-hidden /> Segments
      </Link>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <div className="flex items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight" data-testid="segment-name">
              {segment.name}
            </h1>
            <Badge>{segment.entity.name}</Badge>
          </div>
          <p className="mt-1 text-sm">
            <FilterSummary filter={segment.filter} />
          </p>
          <p className="mt-1 text-sm text-zinc-500">
            Created <LocalTime value={segment.createdAt} style="date" /> by{" "}
            {segment.createdBy?.name ?? "a removed user"}
          </p>
        </div>
        {can(actor, "segments.delete.own") && <SegmentActions segment={segment} />}
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card
          title={`Members (${formatTotal(members)})`}
          description="Live records that match the filter. Records in the trash are never members."
          className="lg:col-span-2"
        >
          <MembersTable
            segmentId={segment.id}
            entitySlug={segment.entity.slug}
            page={members}
            fields={segment.filter.conditions.map((c) => c.field)}
          />
        </Card>
        <Card title="Automations" description="Run once for each record that enters this segment.">
          {segment.automations.length === 0 ? (
            <p className="px-5 py-4 text-sm text-zinc-500">No automations use this segment.</p>
          ) : (
            <ul className="divide-y divide-zinc-100" data-testid="segment-automations">
              {segment.automations.map((a) => (
                <li key={a.id} className="flex items-center gap-3 px-5 py-3 text-sm">
                  <Workflow className="size-4 shrink-0 text-zinc-400" aria-hidden />
                  <Link
                    href="/automations"
                    className="min-w-0 flex-1 truncate font-medium text-zinc-900 hover:text-brand-700 hover:underline"
                  >
                    {a.name}
                  </Link>
                  <Badge tone={STATUS_TONE[a.status]}>{a.status.charAt(0) + a.status.slice(1).toLowerCase()}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
