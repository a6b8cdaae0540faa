import type { Metadata } from "next";
import { ListFilter, Upload } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DownloadLink } from "@/components/export/download-link";
import { toSearchParams } from "@/components/queries/search-params";
import { withShownAttributes } from "@/components/records/columns";
import { EntityTabs } from "@/components/records/entity-tabs";
import { NewRecordButton } from "@/components/records/new-record-button";
import { RecordsTable } from "@/components/records/records-table";
import { SearchBox } from "@/components/records/search-box";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { listOnDeleteAutomations } from "@/lib/automations/impact";
import { listEntities } from "@/lib/entities";
import { listFields } from "@/lib/fields/list";
import { can } from "@/lib/permissions";
import { parsePageQuery } from "@/lib/doors/page-query";
import { listRecords } from "@/lib/records/list";
import { listRecordsSchema } from "@/lib/records/schemas";
import { getWorkspaceSummary } from "@/lib/workspace";

export const metadata: Metadata = { title: "Records" };

interface Props {
  params: Promise<{ entity: string }>;
  searchParams: Promise<{ q?: string; cursor?: string; dir?: string }>;
}

export default async function RecordsPage({ params, searchParams }: Props) {
  const [{ entity: slug }, search] = await Promise.all([params, searchParams]);
  const actor = await requireActor(`/records/${slug}`);
  const [entities, workspace] = await Promise.all([listEntities(actor), getWorkspaceSummary(actor)]);
  const entity = entities.find((e) => e.slug === slug.toLowerCase());
  if (!entity) notFound();

  const { input, kept } = parsePageQuery(listRecordsSchema, {
    entity: entity.slug,
    q: search.q,
    cursor: search.cursor,
    direction: search.dir,
  });
  const query = { ...kept, entity: entity.slug };
  const [page, { fields }, onDeleteAutomations] = await Promise.all([
    listRecords(actor, input),
    listFields(actor, { entity: entity.slug }),
    listOnDeleteAutomations(actor, entity.id),
  ]);

  return (
    <>
      <PageHeader
        title="Records"
        description="Everything live in your workspace. Deleted records wait in the trash before they are purged."
      />
      <EntityTabs entities={entities} active={entity.slug} />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <SearchBox
          initial={input.q ?? ""}
          placeholder={`Search ${entity.name.toLowerCase()} by name, phone or external id`}
        />
        <div className="flex flex-wrap justify-end gap-2">
          {input.q && can(actor, "segments.create") && (
            <Link
              href={`/segments?${new URLSearchParams({ new: "1", entity: entity.slug, q: input.q })}`}
              className={buttonClass("secondary")}
            >
              <ListFilter className="size-4" aria-hidden /> Save search as segment
            </Link>
          )}
          <DownloadLink
            href={`/api/app/records/export?${toSearchParams({ entity: entity.slug, q: input.q })}`}
            testId="records-export"
            title="Every record of this view, all pages, with every attribute"
          >
            Export CSV
          </DownloadLink>
          {can(actor, "records.write") && (
            <Link href={`/records/${entity.slug}/import`} prefetch={false} className={buttonClass("secondary")}>
              <Upload className="size-4" aria-hidden /> Import CSV
            </Link>
          )}
          {can(actor, "records.write") && (
            <NewRecordButton
              key={entity.slug}
              entity={{ slug: entity.slug, name: entity.name }}
              fields={fields.filter((f) => !f.retired)}
            />
          )}
        </div>
      </div>
      <RecordsTable
        entity={entity}
        query={query}
        initialPage={withShownAttributes(page, entity.slug)}
        canDelete={can(actor, "records.delete")}
        retentionDays={workspace.retentionDays}
        onDeleteAutomations={onDeleteAutomations}
        canSkipAutomations={can(actor, "records.delete.skipAutomations")}
      />
    </>
  );
}
