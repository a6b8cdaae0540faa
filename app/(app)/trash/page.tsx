import type { Metadata } from "next";
import { toSearchParams } from "@/components/queries/search-params";
import { DownloadLink } from "@/components/export/download-link";
import { PurgeNotice } from "@/components/shell/purge-notice";
import { EmptyTrashButton } from "@/components/trash/empty-trash-button";
import { TrashFilters } from "@/components/trash/trash-filters";
import { TrashTable } from "@/components/trash/trash-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { parsePageQuery } from "@/lib/doors/page-query";
import { listEntities } from "@/lib/entities";
import { can } from "@/lib/permissions";
import { trashCounts } from "@/lib/trash/counts";
import { TrashScopeNote } from "@/components/trash/trash-scope-note";
import { countHeld } from "@/lib/trash/empty";
import { countOthersDeletions, listTrash, listTrashDeleters } from "@/lib/trash/list";
import { listTrashSchema } from "@/lib/trash/schemas";
import { defaultTrashScope } from "@/lib/trash/scope";

export const metadata: Metadata = { title: "Trash" };

interface Props {
  searchParams: Promise<{
    scope?: string;
    entity?: string;
    deletedBy?: string;
    expiring?: string;
    q?: string;
    batch?: string;
    from?: string;
    to?: string;
    sort?: string;
    cursor?: string;
    dir?: string;
  }>;
}

export default async function TrashPage({ searchParams }: Props) {
  const actor = await requireActor("/trash");
  const [sp, entities] = await Promise.all([searchParams, listEntities(actor)]);
  const canSeeAll = can(actor, "trash.view.all");
  const scope = sp.scope === "mine" || (sp.scope === "all" && canSeeAll) ? sp.scope : defaultTrashScope(actor);
  // The URL's words for the view, as the trash list's input; what does not parse is left out.
  const { input, kept } = parsePageQuery(listTrashSchema, {
    scope,
    entity: entities.some((e) => e.slug === sp.entity) ? sp.entity : undefined,
    deletedBy: scope === "all" ? sp.deletedBy : undefined,
    expiringWithinHours: sp.expiring === "24h" ? "24" : undefined,
    q: sp.q,
    batch: sp.batch,
    deletedFrom: sp.from,
    deletedTo: sp.to,
    sort: sp.sort === "recent" ? "recent" : undefined,
    cursor: sp.cursor,
    direction: sp.dir,
  });
  const now = new Date();
  const [page, deleters, counts, held, othersHidden] = await Promise.all([
    listTrash(actor, input, now),
    scope === "all" ? listTrashDeleters(actor, "all") : Promise.resolve([]),
    trashCounts(actor, now),
    can(actor, "trash.empty") ? countHeld(actor) : Promise.resolve(0),
    canSeeAll ? Promise.resolve(0) : countOthersDeletions(actor),
  ]);
  // Whoever may empty the trash sees all of it by default: its total is the workspace's.
  const workspaceTrash = can(actor, "trash.empty") ? counts.total : 0;
  const { entity, deletedBy, expiringWithinHours, q, batch, deletedFrom, deletedTo } = input;
  const filtered = !!(entity || deletedBy || expiringWithinHours || q || batch || deletedFrom || deletedTo);

  return (
    <>
      <PageHeader
        title="Trash"
        description={`Deleted records stay here for ${page.retentionDays} days, then they are purged permanently. Restore brings back everything that belonged to them.`}
        actions={
          <>
            <DownloadLink
              href={`/api/app/trash/export?${toSearchParams({ scope, entity, deletedBy, expiringWithinHours, q, batch, deletedFrom, deletedTo })}`}
              testId="trash-export"
              title="Every record of this view, all matching, with every attribute"
            >
              Export CSV
            </DownloadLink>
            {can(actor, "trash.empty") && <EmptyTrashButton total={workspaceTrash} held={held} filtered={filtered} />}
          </>
        }
      />
      <PurgeNotice initial={counts.expiringSoon} variant="page" />
      {!canSeeAll && <TrashScopeNote othersHidden={othersHidden} canDelete={can(actor, "records.delete")} />}
      <TrashFilters canSeeAll={canSeeAll} scope={scope} entities={entities} deleters={deleters} current={sp} />
      <TrashTable
        query={kept}
        filter={{ scope, entity, deletedBy, expiringWithinHours, q, batch, deletedFrom, deletedTo }}
        initialPage={page}
        can={{
          restore: can(actor, "records.restore.own"),
          hold: can(actor, "trash.hold"),
          destroy: can(actor, "records.destroy"),
        }}
      />
    </>
  );
}
