// A compact, TypeScript-like view of the JSON Schemas in the OpenAPI document: enough to read
// a body or a response at a glance, with `?` for optional fields and limits as comments.

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
  description?: string;
  default?: unknown;
  format?: string;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  additionalProperties?: JsonSchema | boolean;
}

/** Zod's bounds for "any safe integer" say nothing to a reader. */
const SAFE = Number.MAX_SAFE_INTEGER;
const range = (min: number | undefined, max: number | undefined, unit = "") => {
  if (min === undefined && max === undefined) return undefined;
  if (max === undefined) return `at least ${min}${unit}`;
  if (min === undefined) return `at most ${max}${unit}`;
  return `${min}–${max}${unit}`;
};

/** Limits, default and description of one schema, as a short note. */
export function schemaNotes(s: JsonSchema): string {
  const notes: (string | undefined)[] = [
    s.description,
    range(s.minItems, s.maxItems, " items"),
    s.minimum !== undefined && s.minimum > -SAFE
      ? range(s.minimum, s.maximum === SAFE ? undefined : s.maximum)
      : undefined,
    s.exclusiveMinimum === 0 ? "positive" : undefined,
    s.maxLength !== undefined ? `max ${s.maxLength} chars` : undefined,
    s.pattern ? `pattern ${s.pattern}` : undefined,
    s.default !== undefined ? `default ${JSON.stringify(s.default)}` : undefined,
  ];
  return notes.filter(Boolean).join(", ");
}

const INLINE_MAX = 48;

const refName = (ref: string) => ref.split("/").pop() ?? ref;

/** The type of `s`, spread over several lines for objects; `pad` is the current indentation. */
export function schemaText(s: JsonSchema, pad = ""): string {
  if (s.$ref) return refName(s.$ref);
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.map((u) => schemaText(u, pad)).join(" | ");
  if (Array.isArray(s.type)) return s.type.map((t) => schemaText({ ...s, type: t }, pad)).join(" | ");
  if (s.type === "array") {
    const item = schemaText(s.items ?? {}, pad);
    return /\s\|\s/.test(item) && !item.startsWith("{") ? `(${item})[]` : `${item}[]`;
  }
  if (s.type === "object" || s.properties) {
    const entries = Object.entries(s.properties ?? {});
    if (entries.length === 0)
      return typeof s.additionalProperties === "object"
        ? `Record<string, ${schemaText(s.additionalProperties, pad)}>`
        : "object";
    const inner = `${pad}  `;
    const fields = entries.map(([name, p]) => ({
      field: `${name}${(s.required ?? []).includes(name) ? "" : "?"}: ${schemaText(p, inner)};`,
      notes: schemaNotes(p),
    }));
    // A small object without notes reads best on one line: { href: string }.
    const oneLine = `{ ${fields.map((f) => f.field.slice(0, -1)).join("; ")} }`;
    if (fields.every((f) => !f.notes) && !oneLine.includes("\n") && oneLine.length <= INLINE_MAX) return oneLine;
    return `{\n${fields.map((f) => `${inner}${f.field}${f.notes ? `  // ${f.notes}` : ""}`).join("\n")}\n${pad}}`;
  }
  if (s.type === "integer" && s.format === "int64") return "integer (int64)";
  return s.type ?? "any";
}

/** A whole schema as a block: its type, and a first-line note for a top-level array's limits. */
export function schemaBlock(s: JsonSchema): string {
  const notes = schemaNotes(s);
  return `${notes ? `// ${notes}\n` : ""}${schemaText(s)}`;
}
