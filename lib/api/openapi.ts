import { z } from "zod";
import type { AnyEndpointSpec } from "@/lib/doors/api-route";
import { SCOPE_LABELS, SCOPES } from "@/lib/universal/scopes";
import { API_ENDPOINTS } from "./endpoints";

// The OpenAPI 3.1 document, generated from the zod schemas the endpoints parse with, so it
// cannot drift from what the handlers accept.

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === "bigint") Object.assign(ctx.jsonSchema, { type: "integer", format: "int64" });
    },
  }) as JsonSchema;
  return rest;
}

/** Path and query parameters from an object schema's properties. */
function parameters(schema: z.ZodType | undefined, where: "path" | "query") {
  if (!schema) return [];
  const json = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || (json.required ?? []).includes(name),
    schema: property,
    ...(typeof property.description === "string" ? { description: property.description } : {}),
  }));
}

const STATUS_TEXT: Record<number, string> = {
  400: "Malformed JSON, a wrong type or a bad value; the message names the field",
  401: "Missing, invalid, expired or replayed credentials",
  403: "The key's role or scope is too low",
  404: "Unknown, or another workspace's",
  409: "Conflict with the record's current state",
  413: "Body over 1 MB",
};

function operation(spec: AnyEndpointSpec) {
  const errorRef = { $ref: `#/components/schemas/${spec.dialect.tag}-error` };
  return {
    operationId: `${spec.method.toLowerCase()}${spec.path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? "").toUpperCase())}`,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: [spec.dialect.tag],
    security: [{ hmac: [spec.scope] }, { bearer: [spec.scope] }],
    "x-scope": spec.scope,
    parameters: [...parameters(spec.params, "path"), ...parameters(spec.query, "query")],
    ...(spec.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(spec.body, "input") } } } }
      : {}),
    responses: {
      [spec.successStatus ?? 200]: {
        description: spec.successStatus === 201 ? "Created" : "Success",
        content: { "application/json": { schema: jsonSchema(spec.response, "output") } },
      },
      ...Object.fromEntries(
        spec.errors.map((status) => [
          status,
          status === 400 && spec.everyItemFailed
            ? {
                description: `${STATUS_TEXT[400]}; or every record failed, answered with the success body (one entry per record)`,
                content: {
                  "application/json": { schema: { oneOf: [errorRef, jsonSchema(spec.response, "output")] } },
                },
              }
            : { description: STATUS_TEXT[status] ?? "Error", content: { "application/json": { schema: errorRef } } },
        ]),
      ),
    },
  };
}

export function openApiDocument(serverUrl?: string) {
  const specs = API_ENDPOINTS.map((e) => e.spec);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) (paths[spec.path] ??= {})[spec.method.toLowerCase()] = operation(spec);
  const dialects = [...new Map(specs.map((s) => [s.dialect.tag, s.dialect])).values()];
  const scopes = Object.fromEntries(SCOPES.map((s) => [s, SCOPE_LABELS[s]]));
  return {
    openapi: "3.1.0",
    info: {
      title: "Trash Bin CRM API",
      version: "1.0.0",
      description:
        "One domain, four dialects: each mirrors a public CRM delete API so its existing clients work by changing only the host. Every endpoint keeps the dashboard's rules and writes the audit log.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    tags: dialects.map((d) => ({ name: d.tag, description: d.description })),
    paths,
    components: {
      securitySchemes: {
        hmac: {
          type: "apiKey",
          in: "header",
          name: "Authorization",
          description:
            "HMAC-SHA256 apiKey=KEY, date=ISO8601, salt=SALT, signature=HEX — signature = hex(HMAC-SHA256(apiSecret, date + salt)); date within 15 minutes of server time; salt 12–64 letters and digits, accepted once. Scopes: " +
            SCOPES.join(", "),
        },
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "The API secret as a bearer token (Zoho-oauthtoken SECRET is accepted too).",
        },
      },
      schemas: Object.fromEntries(dialects.map((d) => [`${d.tag}-error`, jsonSchema(d.errorSchema, "output")])),
      "x-scopes": scopes,
    },
  };
}
