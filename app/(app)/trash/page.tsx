import type { Metadata } from "next";
import { EmptyTrashButton } from "@/components/trash/empty-trash-button";
import { TrashFilters } from "@/components/trash/trash-filters";
import { TrashTable } from "@/components/trash/trash-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { listEntities } from "@/lib/entities";
import { can } from "@/lib/permissions";
import { countTrash, listTrash, listTrashDeleters } from "@/lib/trash/list";
import { defaultTrashScope } from "@/lib/trash/scope";

export const metadata: Metadata = { title: "Trash" };

interface Props {
  searchParams: Promise<{ scope?: string; entity?: string; deletedBy?: string; expiring?: string; q?: string; sort?: string; cursor?: string }>;
}

export default async function TrashPage({ searchParams }: Props) {
  const actor = await requireActor("/trash");
  const sp = await searchParams;
  const canSeeAll = can(actor, "trash.view.all");
  const scope = sp.scope === "mine" || (sp.scope === "all" && canSeeAll) ? sp.scope : defaultTrashScope(actor);
  const query = {
    scope,
    entity: sp.entity || undefined,
    deletedBy: scope === "all" ? sp.deletedBy || undefined : undefined,
    expiringWithinHours: sp.expiring === "24h" ? 24 : undefined,
    q: sp.q || undefined,
    sort: sp.sort === "recent" ? "recent" : "purge",
    cursor: sp.cursor || undefined,
  } as const;
  const [page, entities, deleters, workspaceTrash] = await Promise.all([
    listTrash(actor, query, new Date()),
    listEntities(actor),
    scope === "all" ? listTrashDeleters(actor, "all") : Promise.resolve([]),
    can(actor, "trash.empty") ? countTrash(actor) : Promise.resolve(0),
  ]);

  return (
    <>
      <PageHeader
        title="Trash"
        description={`Deleted records stay here for ${page.retentionDays} days, then they are purged permanently. Restore brings back everything that belonged to them.`}
        actions={can(actor, "trash.empty") ? <EmptyTrashButton total={workspaceTrash} /> : undefined}
      />
      <TrashFilters canSeeAll={canSeeAll} scope={scope} entities={entities} deleters={deleters} current={sp} />
      <TrashTable
        query={query}
        initialPage={page}
        can={{ restore: can(actor, "records.restore.own"), hold: can(actor, "trash.hold"), destroy: can(actor, "records.destroy") }}
      />
    </>
  );
}
