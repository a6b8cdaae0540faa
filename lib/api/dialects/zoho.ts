import { z } from "zod";
import { apiEndpoint, type ApiDialect } from "@/lib/doors/api-route";
import { resolveEntity } from "@/lib/entities";
import { listFields } from "@/lib/fields/list";
import type { FieldType } from "@/lib/universal/fields";
import { AppError, HTTP_STATUS, type ErrorCode } from "@/lib/errors";
import { runOnRecordRefs } from "@/lib/records/refs";
import { softDeleteRecords } from "@/lib/trash/delete";
import type { Actor } from "@/lib/actor";
import { entityRefSchema } from "@/lib/api/schemas";

// Dialect C, /crm/v2 (Zoho CRM v2): module delete with the workflow switch (insert, update and
// upsert are in zoho-writes.ts). Zoho ids are numbers, so this dialect names records only by
// their record number.

export const MAX_ZOHO_IDS = 100;

// Zoho's own code for each error; the status is the one map's (lib/errors.ts), except where Zoho
// differs: a key without the scope is 401 OAUTH_SCOPE_MISMATCH, not 403.
const ZOHO_CODE: Record<ErrorCode, string> = {
  UNAUTHORIZED: "INVALID_TOKEN",
  FORBIDDEN: "NO_PERMISSION",
  NOT_FOUND: "INVALID_URL_PATTERN",
  CONFLICT: "INVALID_DATA",
  VALIDATION: "UNABLE_TO_PARSE_DATA_TYPE",
  LIMIT_EXCEEDED: "LIMIT_EXCEEDED",
  PAYLOAD_TOO_LARGE: "LIMIT_EXCEEDED",
  METHOD_NOT_ALLOWED: "INVALID_REQUEST_METHOD",
  INTERNAL: "INTERNAL_ERROR",
};

export const zoho: ApiDialect = {
  tag: "crm-v2",
  description:
    "Dialect C, Zoho CRM v2: insert, update, upsert and delete records of a module, by their numeric ids, with wf_trigger (and the body's trigger) deciding whether automations run.",
  error: (error, { scopeMissing }) => {
    const [status, code] = scopeMissing
      ? [401, "OAUTH_SCOPE_MISMATCH"]
      : error.reason === "REQUIRED_PARAM_MISSING" || error.reason === "INVALID_MODULE"
        ? [HTTP_STATUS[error.code], error.reason]
        : [HTTP_STATUS[error.code], ZOHO_CODE[error.code]];
    return {
      status,
      body: { code, message: error.message, status: "error", details: error.field ? { param_name: error.field } : {} },
    };
  },
  errorSchema: z.object({
    code: z.string(),
    message: z.string(),
    status: z.literal("error"),
    details: z.record(z.string(), z.unknown()),
  }),
};

export const ZOHO_ID = /^\d{1,19}$/;
const idsSchema = z
  .string()
  .optional()
  .transform((text, ctx) => {
    const ids = (text ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (!ids.length) {
      ctx.addIssue({
        code: "custom",
        message: "Give the ids to delete: ids=ID1,ID2",
        params: { reason: "REQUIRED_PARAM_MISSING" },
      });
      return z.NEVER;
    }
    const bad = ids.find((id) => !ZOHO_ID.test(id));
    if (bad !== undefined) {
      ctx.addIssue({ code: "custom", message: `Record ids are numbers; "${bad.slice(0, 40)}" is not` });
      return z.NEVER;
    }
    if (ids.length > MAX_ZOHO_IDS) {
      ctx.addIssue({
        code: "custom",
        message: `At most ${MAX_ZOHO_IDS} ids per request`,
        params: { code: "LIMIT_EXCEEDED" },
      });
      return z.NEVER;
    }
    return ids;
  })
  .meta({ type: "string", description: "Comma-separated record numbers, at most 100" });

export const wfTrigger = z
  .enum(["true", "false"], { error: "wf_trigger must be true or false" })
  .default("true")
  .transform((v) => v === "true");
export const moduleParam = z.object({ module: entityRefSchema });
const idParam = z.string().regex(ZOHO_ID, "Record ids are numbers");

const entrySchema = z.object({
  code: z.string(),
  details: z.object({ id: z.bigint() }),
  message: z.string(),
  status: z.enum(["success", "error"]),
});
const deleteResponse = z.object({ data: z.array(entrySchema) });

/** The module a path names (case-insensitive slug, or entity id); unknown is INVALID_MODULE. */
export async function moduleOf(actor: Actor, name: string) {
  try {
    return await resolveEntity(actor, name);
  } catch {
    throw new AppError("VALIDATION", `There is no module "${name}".`, "module", "INVALID_MODULE");
  }
}

/** One entry per id, in request order; wf_trigger=false turns on-delete automations off. */
async function deleteByNumbers(actor: Actor, module: string, ids: string[], fireAutomations: boolean, now: Date) {
  const entity = await moduleOf(actor, module);
  const run = await runOnRecordRefs(actor, ids, entity.id, (recordIds) =>
    softDeleteRecords(actor, { ids: recordIds, fireAutomations }, now),
  );
  return {
    data: run.outcomes.map((o) =>
      o.ok
        ? { code: "SUCCESS", details: { id: BigInt(o.ref) }, message: "record deleted", status: "success" as const }
        : {
            code: "INVALID_DATA",
            details: { id: BigInt(o.ref) },
            message: "record not deleted",
            status: "error" as const,
          },
    ),
  };
}

export const deleteModuleRecordsEndpoint = apiEndpoint({
  method: "DELETE",
  path: "/crm/v2/{module}",
  summary: "Delete records of a module (ids=ID1,ID2, at most 100)",
  dialect: zoho,
  scope: "records:delete",
  errors: [400, 401, 403],
  params: moduleParam,
  query: z.object({ ids: idsSchema, wf_trigger: wfTrigger }),
  response: deleteResponse,
  handle: (actor, { params, query }, now) => deleteByNumbers(actor, params.module, query.ids, query.wf_trigger, now),
});

export const deleteModuleRecordEndpoint = apiEndpoint({
  method: "DELETE",
  path: "/crm/v2/{module}/{id}",
  summary: "Delete one record of a module",
  dialect: zoho,
  scope: "records:delete",
  errors: [400, 401, 403],
  params: moduleParam.extend({ id: idParam }),
  query: z.object({ wf_trigger: wfTrigger }),
  response: deleteResponse,
  handle: (actor, { params, query }, now) => deleteByNumbers(actor, params.module, [params.id], query.wf_trigger, now),
});

// Zoho's data_type for each declared type; the record's own columns come first.
const ZOHO_TYPE: Record<FieldType, string> = {
  TEXT: "text",
  NUMBER: "double",
  DATE: "date",
  BOOLEAN: "boolean",
  EMAIL: "email",
  URL: "website",
  PHONE: "phone",
  SELECT: "picklist",
};
const COLUMN_FIELDS = [
  { api_name: "name", field_label: "Name", data_type: "text" },
  { api_name: "phone_number", field_label: "Phone number", data_type: "phone" },
  { api_name: "external_provider", field_label: "External provider", data_type: "text" },
  { api_name: "external_id", field_label: "External id", data_type: "text" },
];

export const moduleFieldsEndpoint = apiEndpoint({
  method: "GET",
  path: "/crm/v2/settings/fields",
  summary: "The fields of a module",
  dialect: zoho,
  scope: "records:read",
  errors: [400, 401],
  query: z.object({
    module: z
      .string()
      .max(64)
      .optional()
      .transform((name, ctx) => {
        if (name?.trim()) return name.trim();
        ctx.addIssue({
          code: "custom",
          message: "Give the module: module=Leads",
          params: { reason: "REQUIRED_PARAM_MISSING" },
        });
        return z.NEVER;
      })
      .meta({ type: "string", description: "The module (entity slug, case-insensitive)" }),
  }),
  response: z.object({
    fields: z.array(z.object({ api_name: z.string(), field_label: z.string(), data_type: z.string() })),
  }),
  handle: async (actor, { query }) => {
    await moduleOf(actor, query.module);
    const { fields } = await listFields(actor, { entity: query.module });
    return {
      fields: [
        ...COLUMN_FIELDS,
        ...fields
          .filter((f) => !f.retired)
          .map((f) => ({ api_name: f.name, field_label: f.label, data_type: ZOHO_TYPE[f.type] })),
      ],
    };
  },
});

export const zohoEndpoints = [deleteModuleRecordsEndpoint, deleteModuleRecordEndpoint, moduleFieldsEndpoint];
