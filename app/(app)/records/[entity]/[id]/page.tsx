import type { Metadata } from "next";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AddNoteForm } from "@/components/records/add-note-form";
import { EditRecordDialog } from "@/components/records/edit-record-dialog";
import { RecordActions } from "@/components/records/record-actions";
import { RecordHistory } from "@/components/audit/record-history";
import { RecordDetailBody, RecordHeading } from "@/components/records/record-detail";
import { listRecordHistory } from "@/lib/audit/history";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { listFields } from "@/lib/fields/list";
import { can } from "@/lib/permissions";
import { parseRouteParams } from "@/lib/doors/page-query";
import { getRecord } from "@/lib/records/get";
import { getRecordSchema } from "@/lib/records/schemas";
import { TrashedElsewhereNotice } from "@/components/trash/trashed-elsewhere";
import { previewableTrashedId, trashedRecordNotice } from "@/lib/trash/preview";
import { getWorkspaceSummary } from "@/lib/workspace";

export const metadata: Metadata = { title: "Record" };

export default async function RecordPage({ params }: { params: Promise<{ entity: string; id: string }> }) {
  const { entity, id } = await params;
  const actor = await requireActor(`/records/${entity}/${id}`);
  const input = parseRouteParams(getRecordSchema, { id });
  const [record, workspace] = await Promise.all([
    getRecord(actor, input).catch((e: unknown) => {
      if (e instanceof AppError && e.code === "NOT_FOUND") return null;
      throw e;
    }),
    getWorkspaceSummary(actor),
  ]);
  if (!record) {
    // In the trash and the caller may preview it: show it there; anything else is the usual not-found.
    const trashedId = await previewableTrashedId(actor, input);
    if (trashedId) redirect(`/trash/${trashedId}`);
    // Someone else's deletion in this workspace: say so, rather than "not found".
    const elsewhere = await trashedRecordNotice(actor, input);
    if (elsewhere) return <TrashedElsewhereNotice record={elsewhere} />;
    notFound();
  }

  const canWrite = can(actor, "records.write");
  const { fields } = await listFields(actor, { entity: record.entity.id });

  return (
    <div className="max-w-6xl">
      <Link
        href={`/records/${record.entity.slug}`}
        className="mb-4 inline-flex items-center gap-1.5 text-sm text-zinc-500 hover:text-zinc-900"
      >
        <ArrowLeft className="size-4" aria-hidden /> {record.entity.name}
      </Link>
      <RecordHeading
        record={record}
        actions={
          <>
            {canWrite && (
              <EditRecordDialog
                record={{
                  id: record.id,
                  name: record.name,
                  phoneNumber: record.phoneNumber,
                  externalProvider: record.externalProvider,
                  externalId: record.externalId,
                  attributes: record.attributes,
                }}
                fields={fields.filter((f) => !f.retired)}
              />
            )}
            <RecordActions
              record={{ id: record.id, name: record.name, entitySlug: record.entity.slug }}
              canDelete={can(actor, "records.delete")}
              canDestroy={can(actor, "records.destroy")}
              retentionDays={workspace.retentionDays}
            />
          </>
        }
      />
      <RecordDetailBody
        record={record}
        noteForm={canWrite ? <AddNoteForm recordId={record.id} /> : undefined}
        aside={<RecordHistory entries={await listRecordHistory(actor, { id: record.id })} />}
      />
    </div>
  );
}
