import { z } from "zod";
import { apiEndpoint, type ApiDialect } from "@/lib/doors/api-route";
import { resolveEntity } from "@/lib/entities";
import { HTTP_STATUS, type ErrorCode } from "@/lib/errors";
import { runOnIdentifiers, runOnRecordRefs, type RecordIdentifier } from "@/lib/records/refs";
import { softDeleteRecords } from "@/lib/trash/delete";
import { entityRefSchema, recordRefSchema } from "@/lib/api/schemas";
import { batchItem, checkItem, columnsOf, describeIssue, snakeColumns, writeBatch } from "@/lib/api/batch-writes";

// Dialect B, /record-lists (Talkdesk record lists): bulk create, and bulk delete by id, phone
// number or external id.

// The vendor's own words for each error; the status is the one map's (lib/errors.ts).
const CODE: Record<ErrorCode, [code: string, message: string]> = {
  UNAUTHORIZED: ["UNAUTHORIZED", "Unauthorized"],
  FORBIDDEN: ["FORBIDDEN", "Forbidden"],
  NOT_FOUND: ["NOT_FOUND", "Not found"],
  CONFLICT: ["CONFLICT", "Conflict"],
  VALIDATION: ["BAD_REQUEST", "Bad request"],
  LIMIT_EXCEEDED: ["BAD_REQUEST", "Bad request"],
  PAYLOAD_TOO_LARGE: ["PAYLOAD_TOO_LARGE", "Payload too large"],
  METHOD_NOT_ALLOWED: ["METHOD_NOT_ALLOWED", "Method not allowed"],
  INTERNAL: ["INTERNAL_ERROR", "Internal error"],
};

export const talkdesk: ApiDialect = {
  tag: "record-lists",
  description:
    "Dialect B, Talkdesk record lists: bulk create in a record list (an entity), and bulk delete from it by id, phone number or external id.",
  error: (error) => {
    const [code, message] = CODE[error.code];
    return {
      status: HTTP_STATUS[error.code],
      body: {
        code,
        message,
        description: error.message,
        fields: error.field ? [{ name: error.field, description: error.message }] : [],
      },
    };
  },
  errorSchema: z.object({
    code: z.string(),
    message: z.string(),
    description: z.string(),
    fields: z.array(z.object({ name: z.string(), description: z.string() })),
  }),
};

export const MAX_IDENTIFIERS = 100;
const KINDS = '{"id"}, {"phone_number"} or {"external_provider", "external_id"}';

const identifierSchema = z
  .object(
    {
      id: z
        .union([recordRefSchema, z.int().positive().transform(String)], {
          error: "id must be a record id (a string, or a record number)",
        })
        .optional(),
      phone_number: z
        .string()
        .trim()
        .min(1, "phone_number cannot be empty")
        .max(40, "phone_number is at most 40 characters")
        .optional(),
      external_provider: z.string().trim().min(1).max(100).optional(),
      external_id: z.string().trim().min(1).max(200).optional(),
    },
    { error: `Each item must be an object: ${KINDS}` },
  )
  .transform(
    (
      item,
      ctx,
    ):
      | { kind: "id"; id: string }
      | { kind: "phone"; identifier: RecordIdentifier }
      | { kind: "external"; identifier: RecordIdentifier } => {
      const given = [
        item.id !== undefined,
        item.phone_number !== undefined,
        item.external_provider !== undefined || item.external_id !== undefined,
      ].filter(Boolean).length;
      if (given !== 1) {
        ctx.addIssue({ code: "custom", message: `Each item names a record one way: ${KINDS}` });
        return z.NEVER;
      }
      if (item.id !== undefined) return { kind: "id", id: item.id };
      if (item.phone_number !== undefined) return { kind: "phone", identifier: { phoneNumber: item.phone_number } };
      if (item.external_provider === undefined || item.external_id === undefined) {
        ctx.addIssue({
          code: "custom",
          message: "An external identifier needs both external_provider and external_id",
        });
        return z.NEVER;
      }
      return {
        kind: "external",
        identifier: { externalProvider: item.external_provider, externalId: item.external_id },
      };
    },
  );

const bulkBody = z
  .array(identifierSchema, { error: `The body must be a JSON array of identifiers: ${KINDS}` })
  .min(1, "Give at least one identifier")
  .max(MAX_IDENTIFIERS, `At most ${MAX_IDENTIFIERS} identifiers per request`)
  .superRefine((items, ctx) => {
    if (items.some((i) => i.kind !== items[0]!.kind))
      ctx.addIssue({
        code: "custom",
        message: "All identifiers of one request must be of one kind (all id, all phone_number or all external)",
      });
  });

const href = (path: string) => ({ href: path });
const recordLink = z.object({ id: z.string(), _links: z.object({ self: z.object({ href: z.string() }) }) });
const listParams = z.object({ recordListId: entityRefSchema });
const listLinks = z.object({ self: z.object({ href: z.string() }), record_list: z.object({ href: z.string() }) });

/** The list's links as every answer of this dialect gives them, and a record's. */
function linksOf(recordListId: string) {
  const list = `/record-lists/${encodeURIComponent(recordListId)}`;
  return {
    _links: { self: href(`${list}/records/bulk`), record_list: href(list) },
    link: (id: string) => ({ id, _links: { self: href(`${list}/records/${encodeURIComponent(id)}`) } }),
  };
}

export const bulkDeleteFromListEndpoint = apiEndpoint({
  method: "DELETE",
  path: "/record-lists/{recordListId}/records/bulk",
  summary: "Delete records from a record list by id, phone number or external id",
  dialect: talkdesk,
  scope: "records:delete",
  errors: [400, 401, 403, 404, 413],
  params: listParams,
  body: bulkBody,
  response: z.object({
    record_list_id: z.string(),
    has_errors: z.boolean(),
    total_deleted: z.int(),
    total_errors: z.int(),
    _links: listLinks,
    _embedded: z.object({
      deleted_records: z.array(recordLink).meta({ description: "Every record this call moved to the trash." }),
      failed_records: z.array(recordLink),
    }),
  }),
  handle: async (actor, { params, body }, now) => {
    const entity = await resolveEntity(actor, params.recordListId);
    const remove = (ids: string[]) => softDeleteRecords(actor, { ids, fireAutomations: true }, now);
    const run =
      body[0]!.kind === "id"
        ? await runOnRecordRefs(
            actor,
            body.map((i) => (i.kind === "id" ? i.id : "")),
            entity.id,
            remove,
          )
        : await runOnIdentifiers(
            actor,
            entity.id,
            body.flatMap((i) => (i.kind === "id" ? [] : [i.identifier])),
            remove,
          );
    const { _links, link } = linksOf(params.recordListId);
    const failed = run.outcomes.filter((o) => !o.ok);
    return {
      record_list_id: params.recordListId,
      has_errors: failed.length > 0,
      total_deleted: run.changed,
      total_errors: failed.length,
      _links,
      _embedded: {
        deleted_records: run.changedIds.map(link),
        failed_records: failed.map((o) => ({ ...link(o.id ?? o.ref), id: o.ref })),
      },
    };
  },
});

const newRecord = z
  .object({
    ...snakeColumns,
    extra_fields: z
      .record(z.string().max(64), z.unknown(), { error: "extra_fields must be an object of field name → value" })
      .nullable()
      .optional()
      .describe("The entity's declared fields, by name"),
  })
  .strict();
const NEW_RECORD = '{"name", "phone_number"?, "external_provider"?, "external_id"?, "extra_fields"?}';

export const bulkCreateInListEndpoint = apiEndpoint({
  method: "POST",
  path: "/record-lists/{recordListId}/records/bulk",
  summary: "Create up to 100 records in a record list",
  description:
    "Each record is checked alone against the entity's declared fields: one with a wrong type, an unknown field or an external id a live record holds is listed in failed_records (by its index) and the others are created in one transaction. An external id only a trashed record holds is allowed. `?wf_trigger=false` skips the on-create automations.",
  dialect: talkdesk,
  scope: "records:write",
  errors: [400, 401, 403, 404, 409, 413],
  params: listParams,
  query: z.object({ wf_trigger: z.enum(["true", "false"], { error: "wf_trigger must be true or false" }).optional() }),
  body: z
    .array(batchItem(newRecord, `Each record must be an object: ${NEW_RECORD}`), {
      error: `The body must be a JSON array of records: ${NEW_RECORD}`,
    })
    .min(1, "Give at least one record")
    .max(MAX_IDENTIFIERS, `At most ${MAX_IDENTIFIERS} records per request`),
  response: z.object({
    record_list_id: z.string(),
    has_errors: z.boolean(),
    total_created: z.int(),
    total_errors: z.int(),
    _links: listLinks,
    _embedded: z.object({
      created_records: z.array(recordLink),
      failed_records: z.array(z.object({ index: z.int(), code: z.string(), description: z.string() })),
    }),
  }),
  handle: async (actor, { params, query, body }, now) => {
    const entity = await resolveEntity(actor, params.recordListId);
    const outcomes = await writeBatch(
      actor,
      entity.id,
      body,
      body.map((item) => {
        const checked = checkItem(newRecord, item);
        if (!checked.ok) return checked;
        const { extra_fields, ...columns } = checked.values;
        const values = { ...columnsOf(columns), ...(extra_fields ? { attributes: extra_fields } : {}) };
        return { ok: true, op: { op: "create", values } };
      }),
      ["extra_fields"],
      { fireAutomations: query.wf_trigger !== "false", ifTrashedHolder: "create" },
      now,
    );
    const { _links, link } = linksOf(params.recordListId);
    const created = outcomes.flatMap((o) => (o.ok ? [link(o.record.id)] : []));
    const failed = outcomes.flatMap((o, index) =>
      o.ok ? [] : [{ index, code: CODE[o.issue.code][0], description: describeIssue(o.issue) }],
    );
    return {
      record_list_id: params.recordListId,
      has_errors: failed.length > 0,
      total_created: created.length,
      total_errors: failed.length,
      _links,
      _embedded: { created_records: created, failed_records: failed },
    };
  },
});

export const talkdeskEndpoints = [bulkDeleteFromListEndpoint, bulkCreateInListEndpoint];
