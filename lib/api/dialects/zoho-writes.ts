import crypto from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/lib/actor";
import {
  batchItem,
  checkItem,
  columnsOf,
  describeIssue,
  snakeColumns,
  writeBatch,
  type ItemIssue,
  type ItemOutcome,
  type Prepared,
} from "@/lib/api/batch-writes";
import { apiEndpoint } from "@/lib/doors/api-route";
import { creatorsOf } from "@/lib/records/creators";
import type { WriteOp } from "@/lib/records/write";
import { toE164 } from "@/lib/universal/phone";
import { MAX_ZOHO_IDS, moduleOf, moduleParam, wfTrigger, zoho, ZOHO_ID } from "./zoho";

// Dialect C's writes (Zoho CRM v2): insert, update and upsert of up to 100 records of a module,
// each answered in Zoho's per-record shape, in request order. A record is a map of api_name →
// value: the record's own columns in snake_case and the entity's declared fields by name.

type Kind = "insert" | "update" | "upsert";

const COLUMN_KEYS = new Set([...Object.keys(snakeColumns), "id"]);
const zohoRecord = z.object(snakeColumns).catchall(z.unknown());
const zohoId = z
  .union([z.string().regex(ZOHO_ID), z.int().positive().transform(String)], {
    error: "Give the record's id: its number",
  })
  .describe("The record's number");
const updateRecord = zohoRecord.extend({ id: zohoId });
const DUPLICATE_CHECK = { external_id: "externalId", phone_number: "phoneNumber" } as const;

/** The body's data: 1 to 100 records, each checked on its own (a non-object is a 400 for the whole call). */
const recordsOf = (record: z.ZodObject) =>
  z
    .array(batchItem(record, "Each record in data must be an object of api_name → value"), {
      error: "data must be an array of records",
    })
    .superRefine((data, ctx) => {
      if (!data.length)
        ctx.addIssue({
          code: "custom",
          message: "Give the records in data",
          params: { reason: "REQUIRED_PARAM_MISSING" },
        });
      if (data.length > MAX_ZOHO_IDS)
        ctx.addIssue({
          code: "custom",
          message: `At most ${MAX_ZOHO_IDS} records per request`,
          params: { code: "LIMIT_EXCEEDED" },
        });
    })
    .meta({ minItems: 1, maxItems: MAX_ZOHO_IDS });
const trigger = z
  .array(z.string().max(64), { error: 'trigger must be a list such as ["workflow"]' })
  .max(10)
  .optional()
  .describe('["workflow"] (the default) runs on-create automations; [] does not');
const writeBody = z.object({ data: recordsOf(zohoRecord), trigger });
const upsertBody = writeBody.extend({
  duplicate_check_fields: z
    .array(z.enum(["external_id", "phone_number"], { error: "Check duplicates by external_id or phone_number" }))
    .min(1, "Give one duplicate check field: external_id or phone_number")
    .max(1, "Give one duplicate check field: external_id or phone_number")
    .optional()
    .describe("The field an existing record is matched by; external_id unless given"),
});

const userRef = z.object({ id: z.bigint(), name: z.string() });
const successEntry = z.object({
  code: z.literal("SUCCESS"),
  details: z.object({
    id: z.bigint(),
    Created_Time: z.string(),
    Modified_Time: z.string(),
    Created_By: userRef.nullable(),
    Modified_By: userRef,
  }),
  message: z.enum(["record added", "record updated"]),
  status: z.literal("success"),
  action: z.enum(["insert", "update"]).optional().describe("Upsert only"),
  duplicate_field: z.string().nullable().optional().describe("Upsert only: the field matched, or null"),
});
const errorEntry = z.object({
  code: z.enum(["MANDATORY_NOT_FOUND", "INVALID_DATA", "DUPLICATE_DATA"]),
  details: z.object({ api_name: z.string(), id: z.bigint().optional() }),
  message: z.string(),
  status: z.literal("error"),
});
const writeResponse = z.object({ data: z.array(z.union([successEntry, errorEntry])) });
type Entry = z.input<typeof successEntry> | z.input<typeof errorEntry>;

/** Zoho's SDK parses user ids as integers: a stable number for each of our users (52 bits, JSON-safe). */
export const zohoUserId = (userId: string) =>
  BigInt(`0x${crypto.createHash("sha256").update(userId).digest("hex").slice(0, 13)}`);
/** Zoho's time format: seconds and an offset. */
const zohoTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "+00:00");

/** One record of the body as the writer takes it, or why it cannot be written. */
function prepare(kind: Kind, item: Record<string, unknown>, matchBy: "externalId" | "phoneNumber"): Prepared {
  const checked = checkItem(kind === "update" ? updateRecord : zohoRecord, item);
  if (!checked.ok) return checked;
  const attributes = Object.fromEntries(Object.entries(checked.values).filter(([key]) => !COLUMN_KEYS.has(key)));
  const values = { ...columnsOf(checked.values), ...(Object.keys(attributes).length ? { attributes } : {}) };
  // The writer looks a matching record up by the phone number as given, so it gets it in E.164.
  if (kind === "upsert" && values.phoneNumber) values.phoneNumber = toE164(values.phoneNumber) ?? values.phoneNumber;
  const op: WriteOp =
    kind === "update"
      ? { op: "update", ref: String(checked.values.id), values }
      : kind === "upsert"
        ? { op: "upsert", matchBy, values }
        : { op: "create", values };
  return { ok: true, op };
}

function errorOf(issue: ItemIssue, givenId: string | undefined): Entry {
  const code = issue.code === "CONFLICT" ? "DUPLICATE_DATA" : issue.missing ? "MANDATORY_NOT_FOUND" : "INVALID_DATA";
  const id = issue.holder ? issue.holder.recordNumber : givenId;
  return {
    code,
    details: { api_name: issue.path.join(".") || "data", ...(id ? { id: BigInt(id) } : {}) },
    message: describeIssue(issue),
    status: "error",
  };
}

async function answer(actor: Actor, kind: Kind, outcomes: ItemOutcome[], prepared: Prepared[], matchedField: string) {
  const creators = await creatorsOf(
    actor,
    outcomes.flatMap((o) => (o.ok ? [o.record.id] : [])),
  );
  const me = { id: zohoUserId(actor.userId), name: actor.name };
  const data = outcomes.map((o, index): Entry => {
    const p = prepared[index]!;
    if (!o.ok) return errorOf(o.issue, p.ok && p.op.op === "update" && ZOHO_ID.test(p.op.ref) ? p.op.ref : undefined);
    const creator = creators.get(o.record.id);
    return {
      code: "SUCCESS",
      details: {
        id: BigInt(o.record.recordNumber),
        Created_Time: zohoTime(o.record.createdAt),
        Modified_Time: zohoTime(o.record.updatedAt),
        Created_By: creator ? { id: zohoUserId(creator.id), name: creator.name } : null,
        Modified_By: me,
      },
      message: o.action === "created" ? "record added" : "record updated",
      status: "success",
      ...(kind === "upsert"
        ? { action: o.action === "created" ? "insert" : "update", duplicate_field: o.matchedBy ? matchedField : null }
        : {}),
    };
  });
  return { data };
}

async function write(
  actor: Actor,
  kind: Kind,
  input: {
    params: { module: string };
    query: { wf_trigger: boolean };
    body: {
      data: Record<string, unknown>[];
      trigger?: string[];
      duplicate_check_fields?: (keyof typeof DUPLICATE_CHECK)[];
    };
  },
  now: Date,
) {
  const entity = await moduleOf(actor, input.params.module);
  const { data, trigger: triggers } = input.body;
  const field = input.body.duplicate_check_fields?.[0] ?? "external_id";
  const prepared = data.map((item) => prepare(kind, item, DUPLICATE_CHECK[field]));
  const outcomes = await writeBatch(
    actor,
    entity.id,
    data,
    prepared,
    [],
    {
      fireAutomations: input.query.wf_trigger && (triggers?.includes("workflow") ?? true),
      ifTrashedHolder: "create",
    },
    now,
  );
  return answer(actor, kind, outcomes, prepared, field);
}

const everyItemFailed = (body: z.input<typeof writeResponse>) => body.data.every((e) => e.status === "error");
const common = {
  dialect: zoho,
  scope: "records:write" as const,
  errors: [400, 401, 403, 409, 413],
  params: moduleParam,
  query: z.object({ wf_trigger: wfTrigger }),
  response: writeResponse,
  everyItemFailed,
};
const RULES =
  "Each record is checked alone against the module's fields (GET /crm/v2/settings/fields): a missing name is MANDATORY_NOT_FOUND, a wrong type or an unknown field INVALID_DATA, an external id a live record holds DUPLICATE_DATA (one only a trashed record holds is allowed); the valid ones are written in one transaction. When every record fails the answer is 400 with the same data.";

export const insertRecordsEndpoint = apiEndpoint({
  ...common,
  method: "POST",
  successStatus: 201,
  path: "/crm/v2/{module}",
  summary: "Insert up to 100 records of a module",
  description: `${RULES} On-create automations run unless wf_trigger=false or "trigger": [].`,
  body: writeBody,
  handle: (actor, input, now) => write(actor, "insert", input, now),
});

export const updateRecordsEndpoint = apiEndpoint({
  ...common,
  method: "PUT",
  path: "/crm/v2/{module}",
  summary: "Update up to 100 records of a module by id",
  description: `Every record carries its id (its number); only the fields given change. ${RULES} An unknown or trashed id is INVALID_DATA.`,
  body: z.object({ data: recordsOf(updateRecord), trigger }),
  handle: (actor, input, now) => write(actor, "update", input, now),
});

export const upsertRecordsEndpoint = apiEndpoint({
  ...common,
  method: "POST",
  successStatus: 201,
  path: "/crm/v2/{module}/upsert",
  summary: "Insert or update up to 100 records of a module",
  description: `A record whose duplicate_check_fields value (external_id, the default, or phone_number) a live record holds updates it; any other is inserted. ${RULES}`,
  body: upsertBody,
  handle: (actor, input, now) => write(actor, "upsert", input, now),
});

export const zohoWriteEndpoints = [insertRecordsEndpoint, updateRecordsEndpoint, upsertRecordsEndpoint];
