import type { Metadata } from "next";
import { NewSegmentDialog } from "@/components/segments/new-segment-dialog";
import { SegmentsTable } from "@/components/segments/segments-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { listEntities } from "@/lib/entities";
import { can } from "@/lib/permissions";
import { listSegmentFields } from "@/lib/segments/fields";
import { listSegments } from "@/lib/segments/list";

export const metadata: Metadata = { title: "Segments" };

export default async function SegmentsPage({
  searchParams,
}: {
  searchParams: Promise<{ new?: string; entity?: string; q?: string }>;
}) {
  const actor = await requireActor("/segments");
  const sp = await searchParams;
  const initial = sp.new && sp.entity ? { entity: sp.entity, q: sp.q?.slice(0, 200) } : undefined;
  const canCreate = can(actor, "segments.create");
  const [segments, entities, fields] = await Promise.all([
    listSegments(actor),
    canCreate ? listEntities(actor) : Promise.resolve([]),
    canCreate ? listSegmentFields(actor) : Promise.resolve({}),
  ]);
  return (
    <>
      <PageHeader
        title="Segments"
        description="Saved filters over your records. Members update as records are deleted, restored or purged."
        actions={canCreate ? <NewSegmentDialog entities={entities} fields={fields} initial={initial} /> : undefined}
      />
      <Card>
        <SegmentsTable initial={segments} canWrite={can(actor, "segments.delete.own")} />
      </Card>
    </>
  );
}
