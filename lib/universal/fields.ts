import { z } from "zod";
import { PHONE_HINT, toE164 } from "./phone";

// An entity's declared fields and the one rule per type that checks a value. Pure: the server
// (create, edit, import, API) and the browser (inline errors) read the same code.

export const FIELD_TYPES = ["TEXT", "NUMBER", "DATE", "BOOLEAN", "EMAIL", "URL", "PHONE", "SELECT"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  TEXT: "Text",
  NUMBER: "Number",
  DATE: "Date",
  BOOLEAN: "Yes / no",
  EMAIL: "Email",
  URL: "Web address",
  PHONE: "Phone",
  SELECT: "Single select",
};

export interface DeclaredField {
  id: string;
  /** The attribute key (api_name), fixed once created. */
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
  options: string[];
  /** Hidden and refused in new writes; the values records hold are kept. */
  retired: boolean;
}

export const MAX_TEXT = 2000;
/** An api name: a letter, then letters, digits and underscores. */
export const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** "closeDate" → "Close date", "lead_source" → "Lead source". */
export function labelFromName(name: string): string {
  const words = name
    .replace(/[_-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const text = z.string().trim().max(MAX_TEXT, `At most ${MAX_TEXT} characters`);
const TRUE = new Set(["true", "yes", "y", "1", "on"]);
const FALSE = new Set(["false", "no", "n", "0", "off"]);

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The schema of one field's value: what people type (text) or an API sends (typed JSON) → the stored value. */
export function fieldValueSchema(field: Pick<DeclaredField, "type" | "options">): z.ZodType<unknown> {
  switch (field.type) {
    case "NUMBER":
      return z.union([z.number(), text]).transform((v, ctx) => {
        const n = typeof v === "number" ? v : Number(v.replace(/[\s_]/g, ""));
        if (Number.isFinite(n) && !(typeof v === "string" && v === "")) return n;
        ctx.addIssue({ code: "custom", message: "Give a number, e.g. 1250 or 12.5" });
        return z.NEVER;
      });
    case "BOOLEAN":
      return z.union([z.boolean(), text]).transform((v, ctx) => {
        if (typeof v === "boolean") return v;
        if (TRUE.has(v.toLowerCase())) return true;
        if (FALSE.has(v.toLowerCase())) return false;
        ctx.addIssue({ code: "custom", message: "Give yes or no (true or false)" });
        return z.NEVER;
      });
    case "DATE":
      return text.refine(isIsoDate, "Give a date as YYYY-MM-DD, e.g. 2026-12-31");
    case "EMAIL":
      return text.pipe(z.email("Give an email address, e.g. ada@example.com"));
    case "URL":
      return text.pipe(
        z.url({
          protocol: /^https?$/,
          hostname: z.regexes.domain,
          error: "Give a web address, e.g. https://example.com",
        }),
      );
    case "PHONE":
      return text.transform((v, ctx) => toE164(v) ?? (ctx.addIssue({ code: "custom", message: PHONE_HINT }), z.NEVER));
    case "SELECT":
      return text.transform((v, ctx) => {
        const option = field.options.find((o) => o.toLowerCase() === v.toLowerCase());
        if (option !== undefined) return option;
        ctx.addIssue({ code: "custom", message: `Choose one of: ${field.options.join(", ")}` });
        return z.NEVER;
      });
    default:
      return text;
  }
}

/** An empty value: no value (unset on update, missing on create). */
export const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * Checks attribute values against the declared fields. `partial`: only the keys given are
 * checked (an update), and a blank value removes the key (`null` in the result). Unknown and
 * retired fields are refused by name; required fields must have a value on create.
 */
export function checkAttributes(
  fields: DeclaredField[],
  raw: Record<string, unknown>,
  { partial }: { partial: boolean },
): { ok: true; values: Record<string, unknown> } | { ok: false; issue: FieldIssue } {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = fields.find((f) => f.name === key);
    if (!field) return { ok: false, issue: { field: key, message: `There is no field "${key.slice(0, 64)}"` } };
    if (field.retired) return { ok: false, issue: { field: key, message: `The field "${field.label}" is retired` } };
    if (isBlank(value)) {
      if (field.required) return { ok: false, issue: { field: key, message: `${field.label} is required` } };
      if (partial) values[key] = null;
      continue;
    }
    const parsed = fieldValueSchema(field).safeParse(value);
    if (!parsed.success)
      return { ok: false, issue: { field: key, message: parsed.error.issues[0]?.message ?? "Invalid value" } };
    values[key] = parsed.data;
  }
  if (!partial) {
    const missing = fields.find((f) => f.required && !f.retired && !(f.name in values));
    if (missing) return { ok: false, issue: { field: missing.name, message: `${missing.label} is required` } };
  }
  return { ok: true, values };
}
