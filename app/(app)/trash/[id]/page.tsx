import type { Metadata } from "next";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RecordHistory } from "@/components/audit/record-history";
import { RecordDetailBody, RecordHeading } from "@/components/records/record-detail";
import { TrashBanner } from "@/components/trash/trash-banner";
import { TrashPreviewActions } from "@/components/trash/trash-preview-actions";
import { listRecordHistory } from "@/lib/audit/history";
import { requireActor } from "@/lib/auth/session";
import { parseRouteParams } from "@/lib/doors/page-query";
import { AppError } from "@/lib/errors";
import { getRecordSchema } from "@/lib/records/schemas";
import { TrashedElsewhereNotice } from "@/components/trash/trashed-elsewhere";
import { getTrashedRecord, trashedRecordNotice } from "@/lib/trash/preview";
import { LocalTime } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "In the trash" };

/** A trashed record as it was, read-only, with what the caller may do about it. */
export default async function TrashPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/trash/${id}`);
  const input = parseRouteParams(getRecordSchema, { id });
  const record = await getTrashedRecord(actor, input, new Date()).catch((e: unknown) => {
    // Too low a role, someone else's deletion, unknown: nothing to preview.
    if (e instanceof AppError && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) return null;
    throw e;
  });
  if (!record) {
    // In this workspace's trash but not the caller's to preview: say where it is and who can help.
    const elsewhere = await trashedRecordNotice(actor, input);
    if (elsewhere) return <TrashedElsewhereNotice record={elsewhere} />;
    notFound();
  }

  return (
    <div className="max-w-6xl">
      <Link href="/trash" className="mb-4 inline-flex items-center gap-1.5 text-sm text-zinc-500 hover:text-zinc-900">
        <ArrowLeft className="size-4" aria-hidden /> Trash
      </Link>
      <TrashBanner
        trash={record.trash}
        purgedOn={<LocalTime value={record.trash.purgeAt} style="long" />}
        deletedOn={<LocalTime value={record.trash.deletedAt} style="long" />}
      />
      <RecordHeading
        record={record}
        actions={
          <TrashPreviewActions
            record={{ id: record.id, name: record.name, entitySlug: record.entity.slug, heldAt: record.trash.heldAt }}
            can={record.can}
          />
        }
      />
      <RecordDetailBody
        record={record}
        aside={<RecordHistory entries={await listRecordHistory(actor, { id: record.id })} />}
      />
    </div>
  );
}
