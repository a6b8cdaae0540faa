import { z } from "zod";
import { apiEndpoint, type ApiDialect } from "@/lib/doors/api-route";
import { resolveEntity } from "@/lib/entities";
import { AppError, HTTP_STATUS, notFound } from "@/lib/errors";
import { getRecord } from "@/lib/records/get";
import { runOnRecordRefs } from "@/lib/records/refs";
import { destroyRecordsNow } from "@/lib/trash/destroy-now";
import { asRecordNumber, entityRefSchema, recordFieldsOut, recordRefSchema } from "@/lib/api/schemas";

// Dialect D, /v2/crm (Zeeg v2): read a record, and delete it permanently at once.

const RECORD_NOT_FOUND = "Record not found.";

export const zeeg: ApiDialect = {
  tag: "v2-crm",
  description:
    "Dialect D, Zeeg v2: read a record, or delete it permanently (GDPR erasure) with everything that belongs to it.",
  error: (error) => {
    const status = HTTP_STATUS[error.code];
    // Not found always reads the same, whatever the record was (unknown, another workspace's, gone).
    return { status, body: { success: false, status, message: status === 404 ? RECORD_NOT_FOUND : error.message } };
  },
  errorSchema: z.object({ success: z.literal(false), status: z.int(), message: z.string() }),
};

const path = z.object({ objectSlug: entityRefSchema, recordId: recordRefSchema });

export const getObjectRecordEndpoint = apiEndpoint({
  method: "GET",
  path: "/v2/crm/{objectSlug}/{recordId}",
  summary: "Get a live record",
  dialect: zeeg,
  scope: "records:read",
  errors: [400, 401, 403, 404],
  params: path,
  response: z.object({
    success: z.literal(true),
    status: z.literal(200),
    data: z.object({
      id: z.string(),
      object: z.string(),
      ...recordFieldsOut,
      attributes: z.record(z.string(), z.unknown()),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  }),
  handle: async (actor, { params }) => {
    const entity = await resolveEntity(actor, params.objectSlug);
    const r = await getRecord(actor, { id: params.recordId });
    if (r.entity.id !== entity.id) throw notFound();
    return {
      success: true as const,
      status: 200 as const,
      data: {
        id: r.id,
        recordNumber: asRecordNumber(r.recordNumber),
        object: entity.slug,
        name: r.name,
        phoneNumber: r.phoneNumber,
        externalProvider: r.externalProvider,
        externalId: r.externalId,
        attributes: r.attributes,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      },
    };
  },
});

export const destroyRecordEndpoint = apiEndpoint({
  method: "DELETE",
  path: "/v2/crm/{objectSlug}/{recordId}",
  summary: "Delete a record permanently",
  description:
    "Attribute values, notes, activity log, subform rows and its place in other records' relations are gone at once. ADMIN or OWNER, scope records:purge. A held record is refused (409) until released.",
  dialect: zeeg,
  scope: "records:purge",
  errors: [400, 401, 403, 404, 409],
  params: path,
  response: z.object({ success: z.literal(true), status: z.literal(200), message: z.string() }),
  handle: async (actor, { params }, now) => {
    const entity = await resolveEntity(actor, params.objectSlug);
    const run = await runOnRecordRefs(actor, [params.recordId], entity.id, (ids) =>
      destroyRecordsNow(actor, { ids }, now),
    );
    const outcome = run.outcomes[0]!;
    if (!outcome.ok) throw new AppError(outcome.code ?? "NOT_FOUND", outcome.message ?? RECORD_NOT_FOUND);
    return { success: true as const, status: 200 as const, message: "Record deleted." };
  },
});

export const zeegEndpoints = [getObjectRecordEndpoint, destroyRecordEndpoint];
