import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { theadClass } from "@/components/ui/card";
import { CodeBlock } from "./code-block";
import { schemaBlock, schemaNotes, schemaText, type JsonSchema } from "./schema-text";

interface Content {
  content?: { "application/json"?: { schema: JsonSchema } };
}

export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  "x-scope": string;
  parameters: { name: string; in: "path" | "query"; required: boolean; schema: JsonSchema; description?: string }[];
  requestBody?: Content;
  responses: Record<string, Content & { description: string }>;
}

const METHOD_TONE = { GET: "blue", POST: "green", PUT: "amber", PATCH: "amber", DELETE: "red" } as const;

export function MethodBadge({ method }: { method: string }) {
  const tone = METHOD_TONE[method as keyof typeof METHOD_TONE] ?? "zinc";
  return (
    <Badge tone={tone} className="w-16 justify-center font-mono font-semibold">
      {method}
    </Badge>
  );
}

/** The path with its {parameters} picked out. */
function PathText({ path }: { path: string }) {
  return (
    <code className="font-mono text-sm font-semibold break-all text-zinc-900">
      {path.split(/(\{[^}]+\})/).map((part, i) =>
        part.startsWith("{") ? (
          <span key={i} className="text-brand-700">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </code>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <h4 className="mb-1.5 text-xs font-medium uppercase tracking-wide text-zinc-500">{title}</h4>
      {children}
    </div>
  );
}

function Parameters({ parameters }: { parameters: Operation["parameters"] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200">
      <table className="w-full text-left text-sm">
        <thead className={theadClass}>
          <tr>
            <th className="px-3 py-2 font-medium">Name</th>
            <th className="px-3 py-2 font-medium">In</th>
            <th className="px-3 py-2 font-medium">Type</th>
            <th className="px-3 py-2 font-medium">Notes</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {parameters.map((p) => (
            <tr key={`${p.in}-${p.name}`}>
              <td className="px-3 py-2 whitespace-nowrap">
                <code className="font-mono text-xs font-semibold text-zinc-900">{p.name}</code>
                {p.required && <span className="ml-1.5 text-xs text-red-600">required</span>}
              </td>
              <td className="px-3 py-2 text-zinc-500">{p.in}</td>
              <td className="px-3 py-2">
                <code className="font-mono text-xs text-zinc-700">{schemaText(p.schema)}</code>
              </td>
              <td className="px-3 py-2 text-zinc-500">{schemaNotes(p.schema) || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const schemaOf = (c?: Content) => c?.content?.["application/json"]?.schema;

/** One endpoint: method and path, what it does, the scope it needs, its inputs and its answers. */
export function OperationCard({ method, path, operation: op }: { method: string; path: string; operation: Operation }) {
  const body = schemaOf(op.requestBody);
  // The success answer is 200, or 201 for a create; every other status is an error.
  const success = Object.keys(op.responses).find((status) => status.startsWith("2")) ?? "200";
  const ok = schemaOf(op.responses[success]);
  const errors = Object.entries(op.responses).filter(([status]) => status !== success);
  return (
    <article
      id={op.operationId}
      className="scroll-mt-6 overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs"
      data-testid="api-operation"
    >
      <header className="flex flex-wrap items-center gap-3 border-b border-zinc-100 bg-zinc-50/60 px-5 py-3">
        <MethodBadge method={method} />
        <PathText path={path} />
        <span className="ml-auto flex items-center gap-1.5 text-xs text-zinc-500">
          Scope{" "}
          <Badge tone="brand" className="font-mono">
            {op["x-scope"]}
          </Badge>
        </span>
      </header>
      <div className="space-y-4 px-5 py-4">
        <div>
          <h3 className="text-sm font-semibold text-zinc-900">{op.summary}</h3>
          {op.description && <p className="mt-1 text-sm text-zinc-600">{op.description}</p>}
        </div>
        {op.parameters.length > 0 && (
          <Section title="Parameters">
            <Parameters parameters={op.parameters} />
          </Section>
        )}
        <div className={body ? "grid gap-4 xl:grid-cols-2" : undefined}>
          {body && (
            <Section title="Request body">
              <CodeBlock>{schemaBlock(body)}</CodeBlock>
            </Section>
          )}
          {ok && (
            <Section title={`${success} response`}>
              <CodeBlock>{schemaBlock(ok)}</CodeBlock>
            </Section>
          )}
        </div>
        {errors.length > 0 && (
          <Section title="Errors">
            <ul className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
              {errors.map(([status, r]) => (
                <li key={status} className="flex items-baseline gap-2">
                  <Badge tone={status.startsWith("4") ? "amber" : "red"} className="font-mono">
                    {status}
                  </Badge>
                  <span className="text-zinc-600">{r.description}</span>
                </li>
              ))}
            </ul>
          </Section>
        )}
      </div>
    </article>
  );
}
