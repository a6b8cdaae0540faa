import type { Metadata } from "next";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportJob } from "@/components/imports/import-job";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { parseRouteParams } from "@/lib/doors/page-query";
import { AppError } from "@/lib/errors";
import { importView } from "@/lib/imports/jobs";
import { importIdSchema } from "@/lib/imports/schemas";

export const metadata: Metadata = { title: "Import" };

export default async function ImportJobPage({ params }: { params: Promise<{ entity: string; id: string }> }) {
  const { entity, id } = await params;
  const actor = await requireActor(`/records/${entity}/import/${id}`);
  const view = await importView(actor, parseRouteParams(importIdSchema, { id })).catch((e: unknown) => {
    if (e instanceof AppError && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) return null;
    throw e;
  });
  if (!view || view.entity.slug !== entity.toLowerCase()) notFound();
  return (
    <>
      <Link
        href={`/records/${view.entity.slug}/import`}
        className="inline-flex items-center gap-1 text-sm text-zinc-600 hover:text-zinc-900"
      >
        <ArrowLeft className="size-4" aria-hidden /> Imports
      </Link>
      <PageHeader title={`Import ${view.entity.name.toLowerCase()}`} description={view.fileName} />
      <Card className="max-w-5xl">
        <ImportJob initial={view} />
      </Card>
    </>
  );
}
