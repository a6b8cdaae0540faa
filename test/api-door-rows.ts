import type { Actor } from "@/lib/actor";
import * as solapi from "@/lib/api/dialects/solapi";
import * as zeeg from "@/lib/api/dialects/zeeg";
import * as talkdesk from "@/lib/api/dialects/talkdesk";
import * as zoho from "@/lib/api/dialects/zoho";
import * as zohoWrites from "@/lib/api/dialects/zoho-writes";
import { SCOPES } from "@/lib/universal/scopes";
import { encryptSecret, hashSecret } from "@/lib/api-keys/secrets";
import { db } from "@/lib/db/client";
import type { ApiEndpoint } from "@/lib/doors/api-route";
import type { ErrorCode } from "@/lib/errors";
import { toQuery, type Answer, type DoorRow, type Outcome, type Who } from "./doors";

// The REST API's rows of the one door table (test/door-rows.ts): each calls an endpoint's
// route handler with a Request carrying the caller's API key as a bearer token (a key with
// every scope, made for that user — the role is what the matrix varies), and reads the
// dialect's answer back into the table's one shape.

const keys = new Map<string, string>();

/** A key with every scope for the caller (as if made before any demotion), made once per user. */
async function bearerFor(caller: Actor): Promise<string> {
  const cached = keys.get(caller.userId);
  if (cached) return cached;
  const secret = `sk_matrix_${caller.userId}`;
  await db().apiKey.create({
    data: {
      workspaceId: caller.workspaceId,
      userId: caller.userId,
      name: "matrix",
      keyId: `ak_matrix_${caller.userId}`,
      secretHash: hashSecret(secret),
      secretCiphertext: encryptSecret(secret),
      scopes: SCOPES,
    },
  });
  keys.set(caller.userId, secret);
  return secret;
}

const STATUS_CODE: Record<number, ErrorCode> = {
  400: "VALIDATION",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  500: "INTERNAL",
};
const DIALECT_CODE: Record<string, ErrorCode> = {
  NotFound: "NOT_FOUND",
  Forbidden: "FORBIDDEN",
  Conflict: "CONFLICT",
  ValidationError: "VALIDATION",
  TooManyIds: "LIMIT_EXCEEDED",
  Unauthorized: "UNAUTHORIZED",
  LIMIT_EXCEEDED: "LIMIT_EXCEEDED",
  INVALID_DATA: "NOT_FOUND",
};

type Body = Record<string, unknown> & {
  failed?: { errorCode: string }[];
  data?: unknown;
  _embedded?: { failed_records: unknown[] };
};

/** A dialect's answer in the table's shape: the status, a domain code, and bulk outcomes as `failed`. */
async function apiAnswer(response: Response): Promise<Answer> {
  const body = (await response.json().catch(() => undefined)) as Body | undefined;
  // Zoho answers a batch whose every record failed with 400 and the per-record data: per-item refusals.
  if (response.status >= 400 && !Array.isArray(body?.data)) {
    const given = String(body?.errorCode ?? body?.code ?? "");
    const code = given === "TooManyIds" || given === "LIMIT_EXCEEDED" ? "LIMIT_EXCEEDED" : STATUS_CODE[response.status];
    const message = body?.errorMessage ?? body?.description ?? body?.message;
    return { status: response.status, code, message: typeof message === "string" ? message : undefined, data: body };
  }
  // Per-id outcomes, whichever dialect: A's failed[], B's failed_records, C's data[].
  const entries = Array.isArray(body?.data) ? (body.data as { status: string; code: string }[]) : undefined;
  const failed =
    body?.failed?.map((f) => ({ code: DIALECT_CODE[f.errorCode] ?? f.errorCode })) ??
    body?._embedded?.failed_records.map(() => ({ code: "NOT_FOUND" })) ??
    entries?.filter((d) => d.status === "error").map((d) => ({ code: DIALECT_CODE[d.code] ?? d.code }));
  const total = Number(
    body?.deletedCount ??
      body?.restoredCount ??
      body?.total_deleted ??
      body?.total_created ??
      entries?.filter((d) => d.status === "success").length ??
      0,
  );
  return {
    // A create's 201 is a success like any other in the table's shape.
    status: 200,
    data: failed ? { ...body, failed, succeeded: Array.from({ length: total }) } : body,
  };
}

interface Placement {
  params?: string[];
  query?: string[];
  /** The body is this field of the input (an array, say), or the other fields as an object. */
  body?: string | true;
}

/** Sends a raw input to an endpoint: its fields placed in the path, query and body as `placement` says. */
function api(
  endpoint: ApiEndpoint,
  placement: Placement,
  translate?: (raw: Record<string, unknown>) => Promise<Record<string, unknown>>,
) {
  return async (raw: unknown, caller: Actor | null): Promise<Answer> => {
    let input = raw && typeof raw === "object" && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : {};
    if (translate) input = await translate(input);
    const pick = (names: string[] = []) =>
      Object.fromEntries(names.filter((n) => n in input).map((n) => [n, input[n]]));
    const placed = new Set([...(placement.params ?? []), ...(placement.query ?? [])]);
    const body =
      placement.body === true
        ? raw && typeof raw === "object" && !Array.isArray(raw)
          ? Object.fromEntries(Object.entries(input).filter(([k]) => !placed.has(k)))
          : raw
        : placement.body
          ? input[placement.body]
          : undefined;
    const query = toQuery(pick(placement.query));
    const request = new Request(`http://localhost${endpoint.spec.path}${query ? `?${query}` : ""}`, {
      method: endpoint.spec.method,
      headers: {
        "content-type": "application/json",
        ...(caller ? { authorization: `Bearer ${await bearerFor(caller)}` } : {}),
      },
      ...(endpoint.spec.method !== "GET" && body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return apiAnswer(
      await endpoint.handler(request, { params: Promise.resolve(pick(placement.params) as Record<string, string>) }),
    );
  };
}

/** Zoho speaks record numbers: any of our record ids in `ids`/`id` (or a record's `id` in `data`) becomes its number. */
async function toNumbers(raw: Record<string, unknown>): Promise<Record<string, unknown>> {
  const numberOf = async (value: unknown) => {
    if (typeof value !== "string") return value;
    const record = await db()
      .record.findUnique({ where: { id: value }, select: { recordNumber: true } })
      .catch(() => null);
    return record ? record.recordNumber.toString() : value;
  };
  const record = async (item: unknown) =>
    item && typeof item === "object" && "id" in item ? { ...item, id: await numberOf(item.id) } : item;
  return {
    ...raw,
    ...("ids" in raw ? { ids: await numberOf(raw.ids) } : {}),
    ...("id" in raw ? { id: await numberOf(raw.id) } : {}),
    ...(Array.isArray(raw.data) ? { data: await Promise.all(raw.data.map(record)) } : {}),
  };
}

const row = (
  owner: Outcome,
  admin: Outcome,
  memberOwn: Outcome,
  memberOther: Outcome,
  viewer: Outcome,
  otherOwner: Outcome,
  signedOut: Outcome = "UNAUTHORIZED",
): Record<Who, Outcome> => ({ owner, admin, memberOwn, memberOther, viewer, otherOwner, signedOut });
const READ = row("ok", "ok", "ok", "ok", "ok", "ok");
const READ_ONE = row("ok", "ok", "ok", "ok", "ok", "NOT_FOUND");

export const API_DOOR_ROWS: DoorRow[] = [
  {
    door: "API GET /crm-core/v1/entities",
    mutates: false,
    send: api(solapi.listEntitiesEndpoint, {}),
    input: () => ({}),
    expect: READ,
  },
  {
    door: "API GET /crm-core/v1/records",
    mutates: false,
    send: api(solapi.listRecordsEndpoint, { query: ["entityId", "q", "limit", "cursor"] }),
    input: () => ({ entityId: "leads" }),
    expect: READ,
  },
  {
    door: "API GET /crm-core/v1/records/{id}",
    mutates: false,
    send: api(solapi.getRecordEndpoint, { params: ["recordId"] }),
    input: (w, i) => ({ recordId: w.live[i] }),
    expect: READ_ONE,
  },
  {
    door: "API POST /crm-core/v1/records",
    mutates: true,
    send: api(solapi.createRecordEndpoint, { query: ["wf_trigger"], body: true }),
    input: () => ({ entityId: "leads", name: "Made through the API", phoneNumber: "+44 20 7946 0000" }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "elsewhere"),
  },
  {
    door: "API PATCH /crm-core/v1/records/{id}",
    mutates: true,
    send: api(solapi.updateRecordEndpoint, { params: ["recordId"], body: true }),
    input: (w, i) => ({ recordId: w.live[i], name: "Renamed through the API" }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "NOT_FOUND"),
  },
  {
    door: "API DELETE /crm-core/v1/records/{id}",
    mutates: true,
    send: api(solapi.deleteRecordEndpoint, { params: ["recordId"] }),
    input: (w, i) => ({ recordId: w.live[i] }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "NOT_FOUND"),
  },
  {
    door: "API POST /crm-core/v1/records/{id}/restore",
    mutates: true,
    send: api(solapi.restoreRecordEndpoint, { params: ["recordId"] }),
    input: (w, i) => ({ recordId: w.trashed[i] }),
    expect: row("ok", "ok", "ok", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"),
  },
  {
    door: "API POST /crm-core/v1/records/bulk/delete",
    mutates: true,
    send: api(solapi.bulkDeleteEndpoint, { body: true }),
    input: (w, i) => ({ recordIds: [w.live[i]] }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "item:NOT_FOUND"),
  },
  {
    door: "API POST /crm-core/v1/records/bulk/restore",
    mutates: true,
    send: api(solapi.bulkRestoreEndpoint, { body: true }),
    input: (w, i) => ({ recordIds: [w.trashed[i]] }),
    expect: row("ok", "ok", "ok", "item:FORBIDDEN", "FORBIDDEN", "item:NOT_FOUND"),
  },
  {
    door: "API GET /crm-core/v1/trash",
    mutates: false,
    send: api(solapi.listTrashEndpoint, { query: ["entityId", "q", "limit", "cursor"] }),
    input: () => ({}),
    expect: READ,
  },
  {
    door: "API GET /crm-core/v1/segments",
    mutates: false,
    send: api(solapi.listSegmentsEndpoint, {}),
    input: () => ({}),
    expect: READ,
  },
  {
    door: "API DELETE /crm-core/v1/segments/{id}",
    mutates: true,
    send: api(solapi.deleteSegmentEndpoint, { params: ["segmentId"] }),
    input: (w, i) => ({ segmentId: w.segment[i] }),
    expect: row("ok", "FORBIDDEN", "ok", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"),
  },
  {
    door: "API DELETE /record-lists/{list}/records/bulk",
    mutates: true,
    send: api(talkdesk.bulkDeleteFromListEndpoint, { params: ["recordListId"], body: "records" }),
    input: (w, i) => ({ recordListId: "leads", records: [{ id: w.live[i] }] }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "item:NOT_FOUND"),
  },
  {
    door: "API POST /record-lists/{list}/records/bulk",
    mutates: true,
    send: api(talkdesk.bulkCreateInListEndpoint, { params: ["recordListId"], query: ["wf_trigger"], body: "records" }),
    input: () => ({ recordListId: "leads", records: [{ name: "Made in a list", phone_number: "+44 20 7946 0001" }] }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "elsewhere"),
  },
  {
    door: "API POST /crm/v2/{module}",
    mutates: true,
    send: api(zohoWrites.insertRecordsEndpoint, { params: ["module"], query: ["wf_trigger"], body: true }),
    input: () => ({
      module: "Leads",
      data: [{ name: "Inserted through Zoho", external_provider: "zoho", external_id: "z-1" }],
    }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "elsewhere"),
  },
  {
    door: "API PUT /crm/v2/{module}",
    mutates: true,
    send: api(zohoWrites.updateRecordsEndpoint, { params: ["module"], query: ["wf_trigger"], body: true }, toNumbers),
    input: (w, i) => ({ module: "Leads", data: [{ id: w.live[i], name: "Updated through Zoho" }] }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "item:NOT_FOUND"),
  },
  {
    door: "API POST /crm/v2/{module}/upsert",
    mutates: true,
    send: api(zohoWrites.upsertRecordsEndpoint, { params: ["module"], query: ["wf_trigger"], body: true }, toNumbers),
    input: () => ({
      module: "leads",
      duplicate_check_fields: ["external_id"],
      data: [{ name: "Upserted through Zoho", external_provider: "zoho", external_id: "z-2" }],
    }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "elsewhere"),
  },
  {
    door: "API DELETE /crm/v2/{module}",
    mutates: true,
    send: api(zoho.deleteModuleRecordsEndpoint, { params: ["module"], query: ["ids", "wf_trigger"] }, toNumbers),
    input: (w, i) => ({ module: "Leads", ids: w.live[i] }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "item:NOT_FOUND"),
  },
  {
    door: "API DELETE /crm/v2/{module}/{id}",
    mutates: true,
    send: api(zoho.deleteModuleRecordEndpoint, { params: ["module", "id"], query: ["wf_trigger"] }, toNumbers),
    input: (w, i) => ({ module: "leads", id: w.live[i], wf_trigger: "false" }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "item:NOT_FOUND"),
  },
  {
    door: "API GET /crm/v2/settings/fields",
    mutates: false,
    send: api(zoho.moduleFieldsEndpoint, { query: ["module"] }),
    input: () => ({ module: "Leads" }),
    expect: READ,
  },
  {
    door: "API GET /v2/crm/{object}/{id}",
    mutates: false,
    send: api(zeeg.getObjectRecordEndpoint, { params: ["objectSlug", "recordId"] }),
    input: (w, i) => ({ objectSlug: "leads", recordId: w.live[i] }),
    expect: READ_ONE,
  },
  {
    door: "API DELETE /v2/crm/{object}/{id}",
    mutates: true,
    send: api(zeeg.destroyRecordEndpoint, { params: ["objectSlug", "recordId"] }),
    input: (w, i) => ({ objectSlug: "leads", recordId: w.live[i] }),
    expect: row("ok", "ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"),
  },
];
