import { z } from "zod";
import type { Actor } from "@/lib/actor";
import { writeRecords, type Holder, type WriteOp, type WriteOptions } from "@/lib/records/write";
import { recordValuesShape, type RecordValues } from "@/lib/records/write-schemas";
import { isBlank } from "@/lib/universal/fields";

// Talkdesk's bulk create and Zoho's insert, update and upsert send a batch of records whose
// columns are named in snake_case. Each record is checked alone, so a wrong type or an unknown
// field fails that record (named as the client named it) and the rest are written.

/** The record's own columns as these bodies name them (a missing name is the writer's to refuse). */
export const snakeColumns = {
  name: recordValuesShape.name.optional(),
  phone_number: recordValuesShape.phoneNumber,
  external_provider: recordValuesShape.externalProvider,
  external_id: recordValuesShape.externalId,
};
const SNAKE: Record<string, string> = {
  name: "name",
  phoneNumber: "phone_number",
  externalProvider: "external_provider",
  externalId: "external_id",
};

/** The columns of a parsed record as the writer takes them (`undefined` leaves a column as it is). */
export const columnsOf = (v: {
  name?: string;
  phone_number?: string | null;
  external_provider?: string | null;
  external_id?: string | null;
}): RecordValues => ({
  name: v.name,
  phoneNumber: v.phone_number,
  externalProvider: v.external_provider,
  externalId: v.external_id,
});

/** One batch item as the body schema takes it: any object, checked on its own later; documented as `shape`. */
export function batchItem(shape: z.ZodObject, error: string) {
  const { $schema: _drop, ...documented } = z.toJSONSchema(shape, { io: "input", unrepresentable: "any" });
  return z.record(z.string(), z.unknown(), { error }).meta(documented);
}

/** Why one record was not written: the field as the client named it, and whether it was left out. */
export interface ItemIssue {
  code: "VALIDATION" | "CONFLICT" | "NOT_FOUND";
  /** The field's path as the client named it, e.g. ["extra_fields", "score"]. */
  path: string[];
  message: string;
  /** The field had no value (missing, null or blank): Zoho's MANDATORY_NOT_FOUND. */
  missing: boolean;
  /** CONFLICT: the record that holds the external id. */
  holder?: Holder;
}

const valueAt = (item: unknown, path: string[]): unknown =>
  path.reduce<unknown>(
    (v, key) => (v && typeof v === "object" && Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined),
    item,
  );

const issue = (item: unknown, code: ItemIssue["code"], path: string[], message: string): ItemIssue => ({
  code,
  path,
  message,
  missing: code === "VALIDATION" && isBlank(valueAt(item, path)),
});

/** A record's own parse: its values, or the first issue named as the client named it. */
export function checkItem<S extends z.ZodType>(
  schema: S,
  item: Record<string, unknown>,
): { ok: true; values: z.output<S> } | { ok: false; issue: ItemIssue } {
  const parsed = schema.safeParse(item);
  if (parsed.success) return { ok: true, values: parsed.data };
  const first = parsed.error.issues[0]!;
  const path = [...first.path, ...(first.code === "unrecognized_keys" ? first.keys.slice(0, 1) : [])].map(String);
  const message =
    first.code === "unrecognized_keys" ? `There is no field "${path.join(".").slice(0, 64)}"` : first.message;
  return { ok: false, issue: issue(item, "VALIDATION", path, message) };
}

/** Where a batch item stands before the writer: its write, or why it cannot be one. */
export type Prepared = { ok: true; op: WriteOp } | { ok: false; issue: ItemIssue };

export type ItemOutcome =
  | {
      ok: true;
      action: "created" | "updated";
      record: { id: string; recordNumber: string; createdAt: Date; updatedAt: Date };
      matchedBy?: "externalId" | "phoneNumber" | null;
    }
  | { ok: false; issue: ItemIssue };

/**
 * Writes the items that passed their own checks in one call to the record writer (one
 * transaction); every item's outcome in request order. The writer's refusals are named as the
 * client named the field: the columns in snake_case, attributes under `attributesAt`.
 */
export async function writeBatch(
  actor: Actor,
  entityId: string,
  items: Record<string, unknown>[],
  prepared: Prepared[],
  attributesAt: string[],
  options: WriteOptions,
  now: Date,
): Promise<ItemOutcome[]> {
  const ready = prepared.flatMap((p, index) => (p.ok ? [{ index, op: p.op }] : []));
  const { outcomes } = ready.length
    ? await writeRecords(
        actor,
        entityId,
        ready.map((r) => r.op),
        options,
        now,
      )
    : { outcomes: [] };
  const written = new Map(ready.map((r, i) => [r.index, outcomes[i]!]));
  return prepared.map((p, index): ItemOutcome => {
    if (!p.ok) return p;
    const outcome = written.get(index)!;
    if (outcome.ok) return outcome;
    const [head, ...rest] = (outcome.field ?? "").split(".");
    const path = head === "attributes" ? [...attributesAt, ...rest] : [SNAKE[head!] ?? head!];
    const refused = issue(items[index], outcome.code, path.filter(Boolean), outcome.message);
    return { ok: false, issue: outcome.holder ? { ...refused, holder: outcome.holder } : refused };
  });
}

/** An issue as one line: "extra_fields.score: Give a number, e.g. 1250 or 12.5". */
export const describeIssue = (i: ItemIssue) => {
  const field = i.path.join(".");
  return field && !i.message.startsWith(`${field}:`) ? `${field}: ${i.message}` : i.message;
};
