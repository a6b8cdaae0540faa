import { FileJson } from "lucide-react";
import type { Metadata } from "next";
import { AuthenticationCard } from "@/components/settings/api-reference/authentication-card";
import { DialectSection, type Endpoint } from "@/components/settings/api-reference/dialect-section";
import { MethodBadge, type Operation } from "@/components/settings/api-reference/operation-card";
import type { JsonSchema } from "@/components/settings/api-reference/schema-text";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { openApiDocument } from "@/lib/api/openapi";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "API reference" };

/** The OpenAPI document's operations, grouped by tag (one tag per dialect), in document order. */
function endpointsByTag(doc: ReturnType<typeof openApiDocument>): Map<string, Endpoint[]> {
  const byTag = new Map<string, Endpoint[]>(doc.tags.map((t) => [t.name, []]));
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods as Record<string, Operation>)) {
      for (const tag of operation.tags) byTag.get(tag)?.push({ method: method.toUpperCase(), path, operation });
    }
  }
  return byTag;
}

export default async function ApiReferencePage() {
  await requireActor("/settings/api");
  const doc = openApiDocument();
  const byTag = endpointsByTag(doc);
  const errors = doc.components.schemas as Record<string, JsonSchema>;
  return (
    <div className="max-w-5xl">
      <PageHeader
        title="API reference"
        description={<span className="block max-w-3xl">{doc.info.description}</span>}
        actions={
          <a href="/api/openapi.json" target="_blank" rel="noreferrer" className={buttonClass("secondary")}>
            <FileJson className="size-4" aria-hidden /> OpenAPI 3.1 JSON
          </a>
        }
      />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-8">
        <AuthenticationCard />

        <nav aria-label="Dialects" className="grid gap-3 sm:grid-cols-2">
          {doc.tags.map((t) => (
            <a
              key={t.name}
              href={`#${t.name}`}
              className="rounded-xl border border-zinc-200 bg-white px-4 py-3 shadow-xs transition hover:border-brand-300 hover:bg-brand-50/40"
            >
              <span className="flex items-center justify-between gap-2">
                <span className="font-mono text-sm font-semibold text-zinc-900">{t.name}</span>
                <span className="flex gap-1">
                  {[...new Set(byTag.get(t.name)?.map((e) => e.method))].map((m) => (
                    <MethodBadge key={m} method={m} />
                  ))}
                </span>
              </span>
              <span className="mt-1 block text-xs text-zinc-500">{t.description}</span>
            </a>
          ))}
        </nav>

        {doc.tags.map((t) => (
          <DialectSection
            key={t.name}
            tag={t.name}
            description={t.description}
            errorSchema={errors[`${t.name}-error`]}
            endpoints={byTag.get(t.name) ?? []}
          />
        ))}
      </div>
    </div>
  );
}
