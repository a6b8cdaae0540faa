import { z } from "zod";
import type { Actor } from "@/lib/actor";
import { apiEndpoint, type ApiDialect } from "@/lib/doors/api-route";
import { listEntities } from "@/lib/entities";
import { AppError, HTTP_STATUS, type ErrorCode } from "@/lib/errors";
import { updateRecord } from "@/lib/records/edit";
import { getRecord } from "@/lib/records/get";
import { writeRecords, type WriteOutcome } from "@/lib/records/write";
import { recordValuesShape } from "@/lib/records/write-schemas";
import { listRecords } from "@/lib/records/list";
import { runOnRecordRefs, type RefOutcome } from "@/lib/records/refs";
import { recordIdsSchema } from "@/lib/records/schemas";
import { searchTermSchema } from "@/lib/records/search";
import { pageRequestShape } from "@/lib/pagination/keyset";
import type { BulkResult } from "@/lib/records/bulk-result";
import { deleteSegment } from "@/lib/segments/delete";
import { listSegments } from "@/lib/segments/list";
import { segmentIdSchema } from "@/lib/segments/schemas";
import { softDeleteRecords } from "@/lib/trash/delete";
import { listTrash } from "@/lib/trash/list";
import { restoreRecords } from "@/lib/trash/restore";
import { asRecordNumber, entityRefSchema, recordFieldsOut, recordRefSchema } from "@/lib/api/schemas";

// Dialect A, /crm-core/v1 (Solapi crm-core): create and edit, soft delete, restore, bulk, trash, segments.

const ERROR_CODE: Record<ErrorCode, string> = {
  UNAUTHORIZED: "Unauthorized",
  FORBIDDEN: "Forbidden",
  NOT_FOUND: "NotFound",
  CONFLICT: "Conflict",
  VALIDATION: "ValidationError",
  LIMIT_EXCEEDED: "TooManyIds",
  PAYLOAD_TOO_LARGE: "ValidationError",
  METHOD_NOT_ALLOWED: "MethodNotAllowed",
  INTERNAL: "InternalError",
};

const errorSchema = z.object({ errorCode: z.string(), errorMessage: z.string() });

export const solapi: ApiDialect = {
  tag: "crm-core",
  description:
    "Dialect A, Solapi crm-core: create and edit records, soft delete to the trash, restore, bulk calls, the trash list and segments.",
  error: (error) => ({
    status: HTTP_STATUS[error.code],
    body: { errorCode: ERROR_CODE[error.code], errorMessage: error.message || "Request failed." },
  }),
  errorSchema,
};

const recordItem = z.object({ recordId: z.string(), entityId: z.string(), ...recordFieldsOut, createdAt: z.string() });
/** A page of a list: which entity, a search, and the keyset cursor. */
const pagedQuery = z.object({
  entityId: entityRefSchema.optional(),
  q: searchTermSchema.optional(),
  limit: pageRequestShape.limit,
  cursor: pageRequestShape.cursor,
});
const recordRef = z.object({ recordId: z.string(), entityId: z.string() });
const failedItem = z.object({ recordId: z.string(), errorCode: z.string(), errorMessage: z.string() });
const recordPath = z.object({ recordId: recordRefSchema });
const bulkBody = z.object({ recordIds: recordIdsSchema });

/** One named record's outcome as this dialect answers a single-record call: its ids, or the error. */
function single(outcome: RefOutcome) {
  if (!outcome.ok) throw new AppError(outcome.code ?? "NOT_FOUND", outcome.message ?? "Record not found.");
  return { recordId: outcome.id!, entityId: outcome.entityId! };
}

const failedOf = (outcomes: RefOutcome[]) =>
  outcomes
    .filter((o) => !o.ok)
    .map((o) => ({
      recordId: o.id ?? o.ref,
      errorCode: ERROR_CODE[o.code ?? "NOT_FOUND"],
      errorMessage: o.message ?? "Record not found.",
    }));

const runOn = (actor: Actor, refs: string[], run: (ids: string[]) => Promise<BulkResult>) =>
  runOnRecordRefs(actor, refs, null, run);

export const listEntitiesEndpoint = apiEndpoint({
  method: "GET",
  path: "/crm-core/v1/entities",
  summary: "List entities",
  dialect: solapi,
  scope: "records:read",
  errors: [401, 403],
  response: z.object({ items: z.array(z.object({ entityId: z.string(), slug: z.string(), name: z.string() })) }),
  handle: async (actor) => ({
    items: (await listEntities(actor)).map((e) => ({ entityId: e.id, slug: e.slug, name: e.name })),
  }),
});

export const listRecordsEndpoint = apiEndpoint({
  method: "GET",
  path: "/crm-core/v1/records",
  summary: "List live records, newest first",
  dialect: solapi,
  scope: "records:read",
  errors: [400, 401, 403, 404],
  query: pagedQuery,
  response: z.object({ items: z.array(recordItem), nextCursor: z.string().nullable() }),
  handle: async (actor, { query }) => {
    const page = await listRecords(actor, {
      entity: query.entityId,
      q: query.q,
      limit: query.limit,
      cursor: query.cursor,
      direction: "next",
    });
    return {
      items: page.items.map((r) => ({
        recordId: r.id,
        recordNumber: asRecordNumber(r.recordNumber),
        entityId: r.entityId,
        name: r.name,
        phoneNumber: r.phoneNumber,
        externalProvider: r.externalProvider,
        externalId: r.externalId,
        createdAt: r.createdAt,
      })),
      nextCursor: page.nextCursor,
    };
  },
});

const recordDetail = recordItem.extend({
  attributes: z.record(z.string(), z.unknown()),
  notesCount: z.int(),
  activitiesCount: z.int(),
  relations: z.array(z.object({ recordId: z.string(), label: z.string() })),
});

/** A live record as GET answers it (and a create or an update answers with what it wrote). */
async function recordDetailOf(actor: Actor, id: string): Promise<z.input<typeof recordDetail>> {
  const r = await getRecord(actor, { id });
  return {
    recordId: r.id,
    recordNumber: asRecordNumber(r.recordNumber),
    entityId: r.entity.id,
    name: r.name,
    phoneNumber: r.phoneNumber,
    externalProvider: r.externalProvider,
    externalId: r.externalId,
    createdAt: r.createdAt,
    attributes: r.attributes,
    notesCount: r.notes.length,
    activitiesCount: r.activities.length,
    relations: r.relations.map((x) => ({ recordId: x.record.id, label: x.label })),
  };
}

export const getRecordEndpoint = apiEndpoint({
  method: "GET",
  path: "/crm-core/v1/records/{recordId}",
  summary: "Get a live record",
  dialect: solapi,
  scope: "records:read",
  errors: [400, 401, 403, 404],
  params: recordPath,
  response: recordDetail,
  handle: (actor, { params }) => recordDetailOf(actor, params.recordId),
});

/** On-create automations run unless the caller turns workflows off (as the delete's wf_trigger). */
const writeQuery = z.object({ wf_trigger: z.enum(["true", "false"]).optional() });
/** A refusal whose message names the field, as API.md asks ("attributes.score: Give a number…"). */
const naming = (code: ErrorCode, message: string, field?: string) =>
  new AppError(code, field && !message.startsWith(`${field}:`) ? `${field}: ${message}` : message, field);

/** A write outcome as this dialect answers one record: the record, or the error (409 for a duplicate). */
function written(outcome: WriteOutcome): string {
  if (!outcome.ok) throw naming(outcome.code, outcome.message, outcome.field);
  return outcome.record.id;
}

export const createRecordEndpoint = apiEndpoint({
  method: "POST",
  successStatus: 201,
  path: "/crm-core/v1/records",
  summary: "Create a record",
  description:
    "Values are checked against the entity's declared fields (unknown fields and wrong types fail with the field named); the phone number is stored E.164; an external id a live record of the entity holds is a 409 Conflict, one only a trashed record holds is allowed.",
  dialect: solapi,
  scope: "records:write",
  errors: [400, 401, 403, 404, 409],
  query: writeQuery,
  body: z.object({ entityId: entityRefSchema, ...recordValuesShape }),
  response: recordDetail,
  handle: async (actor, { query, body: { entityId, ...values } }, now) => {
    const { outcomes } = await writeRecords(
      actor,
      entityId,
      [{ op: "create", values }],
      { fireAutomations: query.wf_trigger !== "false", ifTrashedHolder: "create" },
      now,
    );
    return recordDetailOf(actor, written(outcomes[0]!));
  },
});

export const updateRecordEndpoint = apiEndpoint({
  method: "PATCH",
  path: "/crm-core/v1/records/{recordId}",
  summary: "Update a live record",
  description:
    "Only the fields given change; `attributes` are merged into the record's, and a key set to null is removed. A record in the trash is not found.",
  dialect: solapi,
  scope: "records:write",
  errors: [400, 401, 403, 404, 409],
  params: recordPath,
  body: z.object({ ...recordValuesShape, name: recordValuesShape.name.optional() }),
  response: recordDetail,
  handle: async (actor, { params, body }, now) => {
    const { id } = await updateRecord(actor, { id: params.recordId, ...body }, now).catch((error: unknown) => {
      throw error instanceof AppError ? naming(error.code, error.message, error.field) : error;
    });
    return recordDetailOf(actor, id);
  },
});

export const deleteRecordEndpoint = apiEndpoint({
  method: "DELETE",
  path: "/crm-core/v1/records/{recordId}",
  summary: "Move a record to the trash",
  dialect: solapi,
  scope: "records:delete",
  errors: [400, 401, 403, 404],
  params: recordPath,
  response: recordRef,
  handle: async (actor, { params }, now) =>
    single(
      (await runOn(actor, [params.recordId], (ids) => softDeleteRecords(actor, { ids, fireAutomations: true }, now)))
        .outcomes[0]!,
    ),
});

export const restoreRecordEndpoint = apiEndpoint({
  method: "POST",
  path: "/crm-core/v1/records/{recordId}/restore",
  summary: "Restore a record from the trash",
  dialect: solapi,
  scope: "records:restore",
  errors: [400, 401, 403, 404, 409],
  params: recordPath,
  response: recordRef,
  handle: async (actor, { params }, now) =>
    single((await runOn(actor, [params.recordId], (ids) => restoreRecords(actor, { ids }, now))).outcomes[0]!),
});

export const bulkDeleteEndpoint = apiEndpoint({
  method: "POST",
  path: "/crm-core/v1/records/bulk/delete",
  summary: "Move up to 1000 records to the trash",
  dialect: solapi,
  scope: "records:delete",
  errors: [400, 401, 403, 413],
  body: bulkBody,
  response: z.object({ deletedCount: z.int(), failed: z.array(failedItem) }),
  handle: async (actor, { body }, now) => {
    const run = await runOn(actor, body.recordIds, (ids) =>
      softDeleteRecords(actor, { ids, fireAutomations: true }, now),
    );
    return { deletedCount: run.changed, failed: failedOf(run.outcomes) };
  },
});

export const bulkRestoreEndpoint = apiEndpoint({
  method: "POST",
  path: "/crm-core/v1/records/bulk/restore",
  summary: "Restore up to 1000 records",
  dialect: solapi,
  scope: "records:restore",
  errors: [400, 401, 403, 413],
  body: bulkBody,
  response: z.object({ restoredCount: z.int(), failed: z.array(failedItem) }),
  handle: async (actor, { body }, now) => {
    const run = await runOn(actor, body.recordIds, (ids) => restoreRecords(actor, { ids }, now));
    return { restoredCount: run.changed, failed: failedOf(run.outcomes) };
  },
});

export const listTrashEndpoint = apiEndpoint({
  method: "GET",
  path: "/crm-core/v1/trash",
  summary: "List the trash, soonest purge first",
  dialect: solapi,
  scope: "records:read",
  errors: [400, 401, 403, 404],
  query: pagedQuery,
  response: z.object({
    items: z.array(
      z.object({
        recordId: z.string(),
        entityId: z.string(),
        name: z.string(),
        deletedAt: z.string(),
        deletedBy: z.string().nullable(),
        purgeAt: z.string(),
      }),
    ),
    nextCursor: z.string().nullable(),
  }),
  handle: async (actor, { query }, now) => {
    const page = await listTrash(
      actor,
      {
        entity: query.entityId,
        q: query.q,
        limit: query.limit,
        cursor: query.cursor,
        direction: "next",
        sort: "purge",
      },
      now,
    );
    return {
      items: page.items.map((r) => ({
        recordId: r.id,
        entityId: r.entity.id,
        name: r.name,
        deletedAt: r.deletedAt,
        deletedBy: r.deletedBy?.email ?? null,
        purgeAt: r.purgeAt,
      })),
      nextCursor: page.nextCursor,
    };
  },
});

export const listSegmentsEndpoint = apiEndpoint({
  method: "GET",
  path: "/crm-core/v1/segments",
  summary: "List segments",
  dialect: solapi,
  scope: "records:read",
  errors: [401, 403],
  response: z.object({
    items: z.array(
      z.object({
        segmentId: z.string(),
        name: z.string(),
        createdBy: z.string().nullable(),
        memberCount: z.int(),
        automationIds: z.array(z.string()),
      }),
    ),
  }),
  handle: async (actor) => ({
    items: (await listSegments(actor)).map((s) => ({
      segmentId: s.id,
      name: s.name,
      createdBy: s.createdBy?.email ?? null,
      memberCount: s.memberCount,
      automationIds: s.automations.map((a) => a.id),
    })),
  }),
});

export const deleteSegmentEndpoint = apiEndpoint({
  method: "DELETE",
  path: "/crm-core/v1/segments/{segmentId}",
  summary: "Delete a segment; its automations are detached",
  dialect: solapi,
  scope: "segments:delete",
  errors: [400, 401, 403, 404],
  params: z.object({ segmentId: segmentIdSchema }),
  response: z.object({ segmentId: z.string(), detachedAutomationIds: z.array(z.string()) }),
  handle: (actor, { params }, now) => deleteSegment(actor, { id: params.segmentId }, now),
});

export const solapiEndpoints = [
  listEntitiesEndpoint,
  listRecordsEndpoint,
  createRecordEndpoint,
  getRecordEndpoint,
  updateRecordEndpoint,
  deleteRecordEndpoint,
  restoreRecordEndpoint,
  bulkDeleteEndpoint,
  bulkRestoreEndpoint,
  listTrashEndpoint,
  listSegmentsEndpoint,
  deleteSegmentEndpoint,
];
