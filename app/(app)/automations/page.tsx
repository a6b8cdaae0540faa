import type { Metadata } from "next";
import { Workflow } from "lucide-react";
import { AutomationsTable } from "@/components/automations/automations-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { listAutomations } from "@/lib/automations/list";
import { can } from "@/lib/permissions";
import { listSegments } from "@/lib/segments/list";

export const metadata: Metadata = { title: "Automations" };

export default async function AutomationsPage() {
  const actor = await requireActor("/automations");
  const automations = await listAutomations(actor);
  const detached = automations.filter((a) => a.status === "DETACHED").length;
  const canAttach = detached > 0 && can(actor, "automations.attach");
  const segments = canAttach
    ? (await listSegments(actor)).map((s) => ({ id: s.id, name: s.name, entityId: s.entity.id }))
    : [];
  return (
    <>
      <PageHeader
        title="Automations"
        description={`Workflows that run on record deletion or when a record enters a segment. Every run is recorded.${detached ? ` ${detached} detached: ${detached === 1 ? "its segment was deleted, so it no longer runs" : "their segments were deleted, so they no longer run"}.` : ""}`}
      />
      <Card>
        {automations.length === 0 ? (
          <EmptyState icon={Workflow} title="No automations" />
        ) : (
          <AutomationsTable automations={automations} segments={segments} canAttach={canAttach} />
        )}
      </Card>
    </>
  );
}
