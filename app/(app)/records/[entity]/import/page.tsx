import type { Metadata } from "next";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UploadForm } from "@/components/imports/upload-form";
import { Badge } from "@/components/ui/badge";
import { Card, th, theadClass } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { listEntities } from "@/lib/entities";
import { listImports } from "@/lib/imports/jobs";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Import" };

const STATUS_TONE = { ready: "blue", running: "brand", done: "green", cancelled: "zinc", failed: "red" } as const;
const STATUS_LABEL = {
  ready: "Not started",
  running: "Running",
  done: "Done",
  cancelled: "Cancelled",
  failed: "Stopped",
};

export default async function ImportPage({ params }: { params: Promise<{ entity: string }> }) {
  const { entity: slug } = await params;
  const actor = await requireActor(`/records/${slug}/import`);
  const entity = (await listEntities(actor)).find((e) => e.slug === slug.toLowerCase());
  if (!entity) notFound();
  const back = (
    <Link
      href={`/records/${entity.slug}`}
      className="inline-flex items-center gap-1 text-sm text-zinc-600 hover:text-zinc-900"
    >
      <ArrowLeft className="size-4" aria-hidden /> {entity.name}
    </Link>
  );
  if (!can(actor, "records.write"))
    return (
      <>
        {back}
        <PageHeader title={`Import ${entity.name.toLowerCase()}`} />
        <p role="alert" className="text-sm text-zinc-600">
          Your role ({actor.role.toLowerCase()}) cannot import records. Ask an admin to make you a member.
        </p>
      </>
    );
  const imports = await listImports(actor, { entity: entity.slug });
  return (
    <>
      {back}
      <PageHeader
        title={`Import ${entity.name.toLowerCase()}`}
        description="Bring records in from a spreadsheet or another CRM: upload a CSV, match its columns to fields, check a preview, then import."
      />
      <div className="grid max-w-4xl gap-6">
        <Card title="Upload a CSV file">
          <UploadForm entity={{ slug: entity.slug, name: entity.name }} />
        </Card>
        {imports.length > 0 && (
          <Card title="Recent imports">
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className={theadClass}>
                  <tr>
                    <th scope="col" className={th}>
                      File
                    </th>
                    <th scope="col" className={th}>
                      Status
                    </th>
                    <th scope="col" className={`${th} max-sm:hidden`}>
                      Result
                    </th>
                    <th scope="col" className={`${th} max-sm:hidden`}>
                      Uploaded
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-100">
                  {imports.map((job) => (
                    <tr key={job.id}>
                      <td className="px-4 py-2">
                        <Link
                          href={`/records/${entity.slug}/import/${job.id}`}
                          className="font-medium text-brand-700 hover:underline"
                        >
                          {job.fileName}
                        </Link>
                      </td>
                      <td className="px-4 py-2">
                        <Badge tone={STATUS_TONE[job.status as keyof typeof STATUS_TONE] ?? "zinc"}>
                          {STATUS_LABEL[job.status as keyof typeof STATUS_LABEL] ?? job.status}
                        </Badge>
                      </td>
                      <td className="px-4 py-2 tabular-nums text-zinc-600 max-sm:hidden">
                        {job.created.toLocaleString("en-US")} created, {job.updated.toLocaleString("en-US")} updated,{" "}
                        {job.failedCount.toLocaleString("en-US")} failed
                      </td>
                      <td className="px-4 py-2 text-zinc-600 max-sm:hidden">
                        <LocalTime value={job.createdAt} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        )}
      </div>
    </>
  );
}
