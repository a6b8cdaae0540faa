import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EntityTabs } from "@/components/records/entity-tabs";
import { FieldsEditor } from "@/components/settings/fields-editor";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { listEntities } from "@/lib/entities";
import { listFields } from "@/lib/fields/list";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Fields" };

export default async function FieldsPage({ searchParams }: { searchParams: Promise<{ entity?: string }> }) {
  const actor = await requireActor("/settings/fields");
  const entities = await listEntities(actor);
  const requested = (await searchParams).entity;
  const entity = entities.find((e) => e.slug === (requested ?? entities[0]?.slug));
  if (!entity) notFound();
  const { fields } = await listFields(actor, { entity: entity.slug });
  const manage = can(actor, "fields.manage");
  return (
    <>
      <PageHeader
        title="Fields"
        description="What each record type holds besides its name, phone and external id. Creating, editing, importing and the API all check values against these fields."
      />
      <EntityTabs entities={entities} active={entity.slug} hrefFor={(slug) => `/settings/fields?entity=${slug}`} />
      <Card
        title={`${entity.name} fields`}
        description={
          manage
            ? "Rename a label or add options at any time. Retiring a field hides it from forms and refuses new values; what records hold is kept."
            : "Admins and the workspace owner manage fields."
        }
        className="max-w-5xl"
      >
        {manage ? (
          <FieldsEditor entity={entity.slug} fields={fields} />
        ) : (
          <ul className="divide-y divide-zinc-100 text-sm" data-testid="fields-table">
            {fields
              .filter((f) => !f.retired)
              .map((f) => (
                <li key={f.id} className="flex justify-between px-5 py-3">
                  <span>{f.label}</span>
                  <code className="font-mono text-xs text-zinc-500">{f.name}</code>
                </li>
              ))}
          </ul>
        )}
      </Card>
    </>
  );
}
