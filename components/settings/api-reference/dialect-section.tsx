import { CodeBlock } from "./code-block";
import { OperationCard, type Operation } from "./operation-card";
import { schemaText, type JsonSchema } from "./schema-text";

export interface Endpoint {
  method: string;
  path: string;
  operation: Operation;
}

/** One dialect (an OpenAPI tag): what it mirrors, its error body, and its endpoints. */
export function DialectSection({
  tag,
  description,
  errorSchema,
  endpoints,
}: {
  tag: string;
  description?: string;
  errorSchema?: JsonSchema;
  endpoints: Endpoint[];
}) {
  return (
    <section id={tag} aria-labelledby={`${tag}-heading`} className="scroll-mt-6">
      <div className="mb-3">
        <h2 id={`${tag}-heading`} className="font-mono text-lg font-semibold tracking-tight text-zinc-900">
          {tag}
        </h2>
        {description && <p className="mt-0.5 text-sm text-zinc-500">{description}</p>}
        {errorSchema && (
          <details className="group mt-2 text-sm">
            <summary className="cursor-pointer text-zinc-600 select-none hover:text-zinc-900">
              Error body of every {tag} endpoint
            </summary>
            <div className="mt-2 max-w-xl">
              <CodeBlock>{schemaText(errorSchema)}</CodeBlock>
            </div>
          </details>
        )}
      </div>
      <div className="space-y-4">
        {endpoints.map((e) => (
          <OperationCard key={`${e.method} ${e.path}`} method={e.method} path={e.path} operation={e.operation} />
        ))}
      </div>
    </section>
  );
}
